using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Highlights.Client.Contracts;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;
using Highlights.Silo.Costs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Highlights.Silo.Api;

/// <summary><c>/v1/videos</c>: submit, status, EDL versions, editor exports, render download, cancel and retry, all scoped to the caller's tenant.</summary>
public static class VideosApi
{
    // Strict numbers: the web defaults would take "10" for 10, and a field must hold what its name says.
    public static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static IEndpointRouteBuilder MapVideosApi(this IEndpointRouteBuilder routes)
    {
        var videos = routes.MapGroup("/v1/videos").RequireAuthorization().WithTags("Videos");
        videos.MapPost("/", SubmitAsync)
            // One Accepts: the matcher honours only the last, and both bodies go to the same handler.
            .Accepts<SubmitVideoRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        videos.MapGet("/{id}", GetAsync);
        videos.MapGet("/{id}/edl", EdlVersionsApi.EdlAsync);
        videos.MapGet("/{id}/edl/versions", EdlVersionsApi.VersionsAsync);
        videos.MapPut("/{id}/edl", EdlVersionsApi.PutAsync)
            .WithDescription("Body: an EDL as GET /v1/videos/{id}/edl answers it (docs/edl-v1.schema.json), its segments edited.");
        videos.MapGet("/{id}/render", EdlVersionsApi.RenderAsync);
        videos.MapGet("/{id}/export", VideoExport.ExportAsync);
        videos.MapPost("/{id}/cancel", CancelAsync);
        videos.MapPost("/{id}/retry", RetryAsync);
        return routes;
    }

    public static async Task<Results<Created<VideoView>, Ok<VideoView>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, TenantVideos videos, VideoPipelineFactory pipelines, SourcePathGuard guard,
        UploadReceiver uploads, CostLedger costs, PipelineStages pipeline, LlmSelectionService llm, IOptions<LlmOptions> llmOptions,
        IOptions<ApiOptions> apiOptions, ClientPaths paths, TimeProvider time, CancellationToken cancellationToken)
    {
        VideoIdentity identity;
        var admit = new OptionsAdmission(llm, llmOptions.Value.Model);
        try
        {
            identity = request.HasFormContentType
                ? await IdentifyUploadAsync(request, uploads, admit, cancellationToken)
                : await IdentifyPathAsync(request, guard, pipelines, admit, apiOptions.Value.MaxJsonBytes, cancellationToken);
        }
        catch (SourceRejectedException ex)
        {
            return TypedResults.Problem(statusCode: ex.StatusCode, title: "Submission rejected", detail: ex.Message);
        }
        catch (InputRejectedException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Submission rejected", detail: ex.Message);
        }

        var tenant = user.Tenant();
        (VideoSnapshot Video, bool Created)? submitted;
        try
        {
            submitted = await videos.SubmitAsync(tenant, identity, apiOptions.Value.MaxWaitingPerTenant, cancellationToken);
        }
        catch (WaitingCapReachedException ex)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many waiting videos",
                detail: $"this tenant already has {ex.Waiting} videos queued or running, the most allowed (Api:MaxWaitingPerTenant); submit again when some have finished");
        }

        if (submitted is not var (video, created))
        {
            // An 80-bit hash collision with another tenant's video: never share it.
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Submission rejected", detail: "this video's id is taken; change an option to submit it");
        }

        var view = VideoViews.From(video, [.. pipeline.Names], await costs.TotalForVideoAsync(tenant, video.State.VideoId, cancellationToken), time.GetUtcNow(), paths);
        return created ? TypedResults.Created($"/v1/videos/{view.Id}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<VideoView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, CostLedger costs, PipelineStages pipeline, ClientPaths paths, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var tenant = user.Tenant();
        var video = await videos.GetAsync(tenant, id);
        return video is null
            ? VideoProblems.NotFound(id)
            : TypedResults.Ok(VideoViews.From(video, [.. pipeline.Names], await costs.TotalForVideoAsync(tenant, id, cancellationToken), time.GetUtcNow(), paths));
    }

    public static Task<Results<Ok<VideoView>, Accepted<VideoView>, ProblemHttpResult>> CancelAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, CostLedger costs, PipelineStages pipeline, ClientPaths paths, TimeProvider time,
        CancellationToken cancellationToken) =>
        ControlAsync(id, user.Tenant(), "cancel", grain => grain.CancelAsync(), videos, costs, pipeline, paths, time, cancellationToken);

    public static Task<Results<Ok<VideoView>, Accepted<VideoView>, ProblemHttpResult>> RetryAsync(
        string id, ClaimsPrincipal user, TenantVideos videos, CostLedger costs, PipelineStages pipeline, ClientPaths paths, TimeProvider time,
        CancellationToken cancellationToken) =>
        ControlAsync(id, user.Tenant(), "retry", grain => grain.RetryAsync(), videos, costs, pipeline, paths, time, cancellationToken);

    private static async Task<Results<Ok<VideoView>, Accepted<VideoView>, ProblemHttpResult>> ControlAsync(
        string id,
        string tenant,
        string verb,
        Func<IVideoGrain, Task<VideoControl>> control,
        TenantVideos videos,
        CostLedger costs,
        PipelineStages pipeline,
        ClientPaths paths,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await videos.ControlAsync(tenant, id, control) is not { Video: { } video } result)
        {
            return VideoProblems.NotFound(id);
        }

        var view = VideoViews.From(video, [.. pipeline.Names], await costs.TotalForVideoAsync(tenant, id, cancellationToken), time.GetUtcNow(), paths);
        return result.Action switch
        {
            ControlAction.Refused => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"Cannot {verb}",
                detail: $"video {id} is {view.Status}{(view.Queued ? " and queued" : string.Empty)}: nothing to {verb}"),
            ControlAction.Request => TypedResults.Accepted($"/v1/videos/{id}", view),
            _ => TypedResults.Ok(view),
        };
    }

    private static async Task<VideoIdentity> IdentifyPathAsync(
        HttpRequest request, SourcePathGuard guard, VideoPipelineFactory pipelines, OptionsAdmission admit, int maxJsonBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxJsonBytes)
        {
            throw new SourceRejectedException($"the JSON body is larger than {maxJsonBytes} bytes (Api:MaxJsonBytes)", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxJsonBytes;
        }

        SubmitVideoRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<SubmitVideoRequest>(StrictJson, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new SourceRejectedException($"the body must be JSON like {{\"source\": \"/path/video.mp4\", \"targetDuration\": 60}}: {SubmitJsonErrors.Describe(ex)}");
        }
        catch (InvalidOperationException ex)
        {
            throw new SourceRejectedException($"the body must be JSON like {{\"source\": \"/path/video.mp4\", \"targetDuration\": 60}} or a multipart upload: {ex.Message}");
        }

        if (body is null)
        {
            throw new SourceRejectedException("empty body: send JSON with a 'source' path, or a multipart upload with a 'file' field");
        }

        var source = guard.Admit(body.Source, "source");
        var options = admit.From(body) with { CaptionsPath = body.Captions is { } captions ? guard.Admit(captions, "captions") : null };
        return await pipelines.IdentifyAsync(source, options, cancellationToken);
    }

    private static async Task<VideoIdentity> IdentifyUploadAsync(HttpRequest request, UploadReceiver uploads, OptionsAdmission admit, CancellationToken cancellationToken)
    {
        var upload = await uploads.ReceiveAsync(request, cancellationToken);
        ProcessingOptions options;
        try
        {
            options = admit.From(upload.Fields);
            if (upload.SizeBytes == 0)
            {
                throw new SourceRejectedException("the uploaded file is empty");
            }
        }
        catch
        {
            File.Delete(upload.TempPath);
            throw;
        }

        var path = uploads.Keep(upload);
        return new VideoIdentity(VideoId.For(upload.Sha256, options), new VideoSource(path, upload.SizeBytes, upload.Sha256), options);
    }
}
