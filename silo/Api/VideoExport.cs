using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Export;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Highlights.Silo.Api;

/// <summary>
/// <c>GET /v1/videos/{id}/export?format=otio|fcpxml|cmx3600|srt[&amp;version=N]</c>: an EDL version (the latest without one) for an editor, as
/// <c>highlights export</c> writes it; <c>srt</c> is the captions file that goes beside the others.
/// </summary>
public static class VideoExport
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, string? format = null, int? version = null)
    {
        if (!TryParse(format, out var chosen, out var captions))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad export format",
                detail: $"format must be otio, fcpxml, cmx3600 or srt, not '{Echo.Of(format ?? string.Empty)}'");
        }

        var tenant = user.Tenant();
        var (edlVersion, problem) = await EdlVersionsApi.ChooseAsync(tenant, id, version, videos, "EDL");
        if (edlVersion is null)
        {
            return problem!;
        }

        var (_, json) = await videos.EdlOfVersionAsync(tenant, id, edlVersion.Version);
        if (json is null)
        {
            return EdlVersionsApi.VersionNotFound(id, edlVersion.Version);
        }

        var timeline = ExportTimeline.From(JsonSerializer.Deserialize<EdlDocument>(json, StateJson.Options)!);
        var (text, contentType, extension) = captions
            ? (CaptionsExport.Write(timeline), "application/x-subrip", ".srt")
            : (EdlExporter.Write(timeline, chosen), ContentType(chosen), EdlExporter.Extension(chosen));
        return TypedResults.File(new UTF8Encoding(false).GetBytes(text), contentType, EdlVersionsApi.DownloadName(id, edlVersion.Version, extension));
    }

    private static bool TryParse(string? format, out ExportFormat chosen, out bool captions)
    {
        captions = string.Equals(format, "srt", StringComparison.OrdinalIgnoreCase);
        chosen = ExportFormat.Otio;
        return captions || (format is not null && !int.TryParse(format, out _) && Enum.TryParse(format, ignoreCase: true, out chosen) && Enum.IsDefined(chosen));
    }

    private static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Otio => "application/json",
        ExportFormat.Fcpxml => "application/xml",
        _ => "text/plain",
    };
}
