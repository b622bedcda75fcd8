using System.Globalization;
using System.Security.Claims;
using Highlights.Client.Contracts;
using Highlights.Silo.Costs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Highlights.Silo.Api;

/// <summary>
/// <c>GET /v1/costs?from=&amp;to=&amp;group=video|model|tenant|day</c>: the key's tenant's spend as JSON, or CSV for
/// <c>Accept: text/csv</c> or <c>format=csv</c>. (By tenant it is one line: a key sees only its own tenant.)
/// </summary>
public static class CostsApi
{
    /// <summary>Without <c>from</c>, the report starts this long before <c>to</c>.</summary>
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapCostsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/costs", GetAsync).RequireAuthorization().WithTags("Costs");
        return routes;
    }

    public static async Task<Results<Ok<CostReport>, ContentHttpResult, ProblemHttpResult>> GetAsync(
        HttpRequest request, ClaimsPrincipal user, CostLedger ledger, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? group = null, string? format = null)
    {
        var end = to is null ? time.GetUtcNow() : ParseInstant(to);
        if (end is null || (from is null && end < DateTimeOffset.MinValue + DefaultWindow))
        {
            return BadRequest("from and to must be ISO 8601 dates or instants, e.g. 2026-11-01 or 2026-11-01T12:00:00Z; without from, to must be at least 30 days after 0001-01-01");
        }

        var start = from is null ? end - DefaultWindow : ParseInstant(from);
        if (start is null)
        {
            return BadRequest("from and to must be ISO 8601 dates or instants, e.g. 2026-11-01 or 2026-11-01T12:00:00Z");
        }

        if (start > end)
        {
            return BadRequest("from must not be after to");
        }

        if (!CostGroupings.TryParse(group ?? "video", out var grouping))
        {
            return BadRequest($"group must be {CostGroupings.Choices}, not '{Echo.Of(group ?? string.Empty)}'");
        }

        var report = await ledger.SummarizeAsync(user.Tenant(), start.Value, end.Value, grouping, cancellationToken);
        var wantsCsv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
        return wantsCsv ? TypedResults.Content(CostCsv.Write(report), "text/csv") : TypedResults.Ok(report);
    }

    private static DateTimeOffset? ParseInstant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad cost query", detail: detail);
}
