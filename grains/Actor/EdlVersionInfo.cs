using Highlights.Grains.State;

namespace Highlights.Grains.Actor;

/// <summary>
/// One EDL version of a video as the API lists it: who made it and when, its size, and its reel's render
/// (<see cref="FileName"/>, relative to the video's work directory, once rendered).
/// </summary>
public sealed record EdlVersionInfo(
    int Version,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int Segments,
    double DurationSeconds,
    VersionRenderStatus RenderStatus,
    string? RenderError,
    string? FileName);

/// <param name="Version">The version saved; null when the edit was refused.</param>
/// <param name="Problem">What is wrong with the edited EDL, when it is.</param>
/// <param name="Refusal">Why the video takes no edit now (it is not completed), when it does not.</param>
public sealed record EdlRevisionOutcome(EdlVersionInfo? Version, Edl.EdlProblem? Problem, string? Refusal);
