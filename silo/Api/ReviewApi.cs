using System.Security.Claims;
using System.Text.Json;
using Highlights.Client.Contracts;
using Highlights.Grains.Actor;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;
using Highlights.Silo.Costs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Highlights.Silo.Api;

/// <summary>
/// What the studio reads to review a video, tenant-scoped like the rest of <c>/v1/videos</c>: the tenant's list, the
/// signal series, the transcript's words, and the source itself for playback (with HTTP ranges, so the player can seek).
/// </summary>
public static class ReviewApi
{
    /// <summary>Most videos one list shows: the studio polls it, and each entry is a grain call.</summary>
    public const int ListLimit = 100;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapReviewApi(this IEndpointRouteBuilder routes)
    {
        var videos = routes.MapGroup("/v1/videos").RequireAuthorization().WithTags("Videos");
        videos.MapGet("/", ListAsync);
        videos.MapGet("/{id}/signals", SignalsAsync);
        videos.MapGet("/{id}/transcript", TranscriptAsync);
        videos.MapGet("/{id}/source", SourceAsync);
        return routes;
    }

    public static async Task<Ok<VideoList>> ListAsync(
        ClaimsPrincipal user, TenantVideos videos, CostLedger costs, PipelineStages pipeline, ClientPaths paths, TimeProvider time, CancellationToken cancellationToken)
    {
        var tenant = user.Tenant();
        var now = time.GetUtcNow();
        var views = new List<VideoView>();
        foreach (var video in await videos.RecentAsync(tenant, ListLimit, cancellationToken))
        {
            views.Add(VideoViews.From(video, [.. pipeline.Names], await costs.TotalForVideoAsync(tenant, video.State.VideoId, cancellationToken), now, paths));
        }

        return TypedResults.Ok(new VideoList(views));
    }

    public static async Task<Results<Ok<ReviewSignals>, ProblemHttpResult>> SignalsAsync(string id, ClaimsPrincipal user, TenantVideos videos)
    {
        var (video, json) = await videos.ResultAsync(user.Tenant(), id, StageNames.Signals);
        if (video is null)
        {
            return VideoProblems.NotFound(id);
        }

        if (json is null)
        {
            return VideoProblems.NotReady(id, "signals");
        }

        var selection = await videos.ResultAsync(user.Tenant(), id, StageNames.Select) is (_, { } picked)
            ? JsonSerializer.Deserialize<SelectionResult>(picked, StateJson.Options)
            : null;
        return TypedResults.Ok(ReviewSignals.From(JsonSerializer.Deserialize<SignalsResult>(json, StateJson.Options)!.Signals, selection));
    }

    public static async Task<Results<Ok<ReviewTranscript>, ProblemHttpResult>> TranscriptAsync(string id, ClaimsPrincipal user, TenantVideos videos)
    {
        var (video, json) = await videos.ResultAsync(user.Tenant(), id, StageNames.Transcript);
        if (video is null)
        {
            return VideoProblems.NotFound(id);
        }

        return json is null
            ? VideoProblems.NotReady(id, "transcript")
            : TypedResults.Ok(ReviewTranscript.From(JsonSerializer.Deserialize<Transcript>(json, StateJson.Options)!));
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> SourceAsync(string id, ClaimsPrincipal user, TenantVideos videos)
    {
        if (await videos.GetAsync(user.Tenant(), id) is not { } video)
        {
            return VideoProblems.NotFound(id);
        }

        var path = video.State.Source.Path;
        if (!File.Exists(path))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone, title: "Source missing", detail: $"the source of video {id} is no longer on the server's storage");
        }

        // Uploads are kept as .video; the player sniffs the container, so a generic video type serves them.
        var type = ContentTypes.TryGetContentType(path, out var known) && known.StartsWith("video/", StringComparison.Ordinal) ? known : "video/mp4";
        return TypedResults.PhysicalFile(path, type, enableRangeProcessing: true);
    }
}
