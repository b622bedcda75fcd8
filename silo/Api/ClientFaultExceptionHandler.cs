using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Highlights.Silo.Api;

/// <summary>
/// Answers the exceptions that are not the server's fault with a problem response instead of a logged 500: a body
/// Kestrel or the API refused (its status: 400, 408, 413, 431), and a database out of connections (503, try again).
/// </summary>
public sealed class ClientFaultExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before it submits again when the database has no connection to spare.</summary>
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            NpgsqlException { IsTransient: true } => (
                StatusCodes.Status503ServiceUnavailable,
                "Busy",
                $"the database has no connection to spare right now; try again in {RetryAfterSeconds} s"),
            _ => (0, null, null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = $"{RetryAfterSeconds}";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
