using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Highlights.Silo.Api;

/// <summary>The problems every <c>/v1/videos/{id}</c> route answers alike, so a client reads them the same way everywhere.</summary>
public static class VideoProblems
{
    /// <summary>404: no such video, or another tenant's (the two are not told apart).</summary>
    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Video not found", detail: $"no video {id} for this API key");

    /// <summary>409: the video has not reached the stage that makes <paramref name="what"/> yet.</summary>
    public static ProblemHttpResult NotReady(string id, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"{what} not ready", detail: $"video {id} has no {what} yet; see GET /v1/videos/{id}");
}
