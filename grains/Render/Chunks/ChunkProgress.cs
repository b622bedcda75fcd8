namespace Highlights.Grains.Render.Chunks;

/// <summary>
/// Partial checkpoint of a chunked render: which chunks of which plan are finished (their files are in the work
/// directory). <see cref="Plan"/> names the split, so a changed EDL or chunk count never reuses a stale chunk.
/// </summary>
public sealed record ChunkProgress(string Plan, IReadOnlyList<int> Done);
