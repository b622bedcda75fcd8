using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>
/// An edited EDL saved as a version of the video (2, 3, ...; version 1 is the EDL stage's checkpoint, which no edit
/// touches). <see cref="Segments"/> and <see cref="DurationSeconds"/> (the reel's length) are kept beside the EDL so a
/// list of versions needs no EDL; <see cref="CreatedBy"/> is the tenant that saved it.
/// </summary>
public sealed record EdlVersion(
    int Number,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    JsonElement Edl,
    int Segments,
    double DurationSeconds,
    VersionRender Render);

/// <summary>Where a version's reel stands; <see cref="FileName"/> (relative to the video's work directory) once rendered.</summary>
public sealed record VersionRender(VersionRenderStatus Status, string? Error = null, string? FileName = null, double? DurationSeconds = null);

public enum VersionRenderStatus
{
    Pending,
    Rendering,
    Completed,
    Failed,
}
