namespace Highlights.Client.Contracts;

/// <summary>Answer of <c>GET /v1/videos/{id}/edl/versions</c>: every EDL version of the video, version 1 first.</summary>
public sealed record EdlVersionsView(IReadOnlyList<EdlVersionView> Versions);

/// <summary>
/// One EDL version (also the answer of <c>PUT /v1/videos/{id}/edl</c>). <see cref="CreatedBy"/> is <c>machine</c> for
/// version 1, else the tenant that saved it; <see cref="DurationSeconds"/> is the reel's length.
/// </summary>
public sealed record EdlVersionView(int Version, DateTimeOffset CreatedAt, string CreatedBy, int Segments, double DurationSeconds, EdlVersionRenderView Render);

/// <summary>The version's reel: <c>pending</c>, <c>rendering</c>, <c>completed</c> or <c>failed</c> (with the reason).</summary>
public sealed record EdlVersionRenderView(string Status, string? Error);
