using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Highlights.Client.Contracts;
using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary>
/// A video's EDL versions: <c>GET /v1/videos/{id}/edl[?version=N]</c>, <c>GET .../edl/versions</c>, <c>PUT .../edl</c>
/// (an edited EDL, saved as the next version and rendered to a reel of its own) and <c>GET .../render[?version=N]</c>.
/// Without <c>version</c> each answers the latest.
/// </summary>
public static class EdlVersionsApi
{
    /// <summary>Response header naming the EDL version an answer is of.</summary>
    public const string VersionHeader = "Highlights-Edl-Version";

    // The stored EDL's own spelling (snake_case), with no field it does not know and no number as a string.
    private static readonly JsonSerializerOptions EditedJson = new(StateJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> EdlAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, HttpResponse response, int? version = null)
    {
        var tenant = user.Tenant();
        var (chosen, problem) = await ChooseAsync(tenant, id, version, videos, "EDL");
        if (chosen is null)
        {
            return problem!;
        }

        var (_, edl) = await videos.EdlOfVersionAsync(tenant, id, chosen.Version);
        if (edl is null)
        {
            return VersionNotFound(id, chosen.Version);
        }

        response.Headers[VersionHeader] = $"{chosen.Version}";
        return TypedResults.Content(edl, "application/json");
    }

    public static async Task<Results<Ok<EdlVersionsView>, ProblemHttpResult>> VersionsAsync(string id, ClaimsPrincipal user, TenantVideos videos, ClientPaths paths) =>
        await videos.VersionsAsync(user.Tenant(), id) is { } versions
            ? TypedResults.Ok(new EdlVersionsView([.. versions.Select(v => View(v, paths))]))
            : VideoProblems.NotFound(id);

    public static async Task<Results<Created<EdlVersionView>, ProblemHttpResult>> PutAsync(
        string id, HttpRequest request, ClaimsPrincipal user, TenantVideos videos, ClientPaths paths, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var tenant = user.Tenant();
        if (await videos.GetAsync(tenant, id) is null)
        {
            return VideoProblems.NotFound(id);
        }

        var limit = options.Value.MaxEdlBytes;
        if (request.ContentLength > limit)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "EDL too large", detail: $"the EDL is larger than {limit} bytes (Api:MaxEdlBytes)");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not an EDL", detail: "send the edited EDL as application/json");
        }

        // Parsed first, so broken JSON is told apart from a field of the wrong type (which the serializer names by path).
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            return Invalid("$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})");
        }

        EdlDocument? edl;
        using (body)
        {
            try
            {
                edl = body.Deserialize<EdlDocument>(EditedJson);
            }
            catch (JsonException ex)
            {
                return Invalid(EdlJsonErrors.FieldOf(ex), SubmitJsonErrors.Describe(ex));
            }
        }

        if (edl is null)
        {
            return Invalid("$", "the body must be an EDL object (docs/edl-v1.schema.json)");
        }

        var outcome = await videos.ReviseAsync(tenant, id, edl);
        return outcome switch
        {
            null => VideoProblems.NotFound(id),
            { Version: { } saved } => TypedResults.Created($"/v1/videos/{id}/edl?version={saved.Version}", View(saved, paths)),
            { Problem: { } problem } => Invalid(EdlJsonErrors.FieldOf(problem), problem.Reason),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "EDL not editable", detail: outcome.Refusal),
        };
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> RenderAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, VideoPipelineFactory pipelines, HttpResponse response, int? version = null)
    {
        var (chosen, problem) = await ChooseAsync(user.Tenant(), id, version, videos, "render");
        if (chosen is null)
        {
            return problem!;
        }

        if (chosen is not { RenderStatus: VersionRenderStatus.Completed, FileName: { } fileName })
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "render not ready",
                detail: $"the reel of video {id}'s EDL version {chosen.Version} is {Name(chosen.RenderStatus)}; see GET /v1/videos/{id}/edl/versions");
        }

        var path = Path.Combine(pipelines.VideoDirectory(id), fileName);
        if (!File.Exists(path))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "Render file missing",
                detail: chosen.Version == VideoState.MachineVersion
                    ? $"video {id} was rendered, but its file is no longer in the work directory; retry the video to render it again"
                    : $"EDL version {chosen.Version} of video {id} was rendered, but its file is no longer in the work directory; PUT its EDL again to render it as a new version");
        }

        response.Headers[VersionHeader] = $"{chosen.Version}";
        return TypedResults.PhysicalFile(path, "video/mp4", DownloadName(id, chosen.Version, ".mp4"), enableRangeProcessing: true);
    }

    /// <summary>The file name a download of <paramref name="version"/> is offered as: version 1 keeps the name it always had.</summary>
    public static string DownloadName(string id, int version, string extension) =>
        version == VideoState.MachineVersion ? id + extension : $"{id}-v{version}{extension}";

    /// <summary>
    /// The version asked for (the latest without one), or the problem to answer: 404 for another tenant's video or no
    /// such version, 409 while the video has no EDL yet.
    /// </summary>
    public static async Task<(EdlVersionInfo? Chosen, ProblemHttpResult? Problem)> ChooseAsync(string tenant, string id, int? version, TenantVideos videos, string what)
    {
        if (await videos.VersionsAsync(tenant, id) is not { } versions)
        {
            return (null, VideoProblems.NotFound(id));
        }

        if (versions.Count == 0)
        {
            return (null, VideoProblems.NotReady(id, what));
        }

        var chosen = version is { } asked ? versions.FirstOrDefault(v => v.Version == asked) : versions[^1];
        return chosen is null ? (null, VersionNotFound(id, version!.Value)) : (chosen, null);
    }

    private static EdlVersionView View(EdlVersionInfo version, ClientPaths paths) => new(
        version.Version, version.CreatedAt, version.CreatedBy, version.Segments, version.DurationSeconds,
        new EdlVersionRenderView(Name(version.RenderStatus), version.RenderError is { } error ? paths.Redact(error) : null));

    private static string Name(VersionRenderStatus status) => status.ToString().ToLowerInvariant();

    private static ProblemHttpResult Invalid(string field, string reason) => TypedResults.Problem(new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { [field] = [reason] })
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Invalid EDL",
        Detail = $"{field}: {reason}",
    });

    public static ProblemHttpResult VersionNotFound(string id, int version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "EDL version not found", detail: $"video {id} has no EDL version {version}; see GET /v1/videos/{id}/edl/versions");
}
