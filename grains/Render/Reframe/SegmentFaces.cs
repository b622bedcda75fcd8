namespace Highlights.Grains.Render.Reframe;

/// <summary>Face samples over one chosen segment, [<see cref="Start"/>, <see cref="End"/>) seconds of the source.</summary>
public sealed record SegmentFaces(double Start, double End, IReadOnlyList<FaceSample> Samples);

/// <summary>
/// Checkpoint of the faces stage (also its partial checkpoint, segment by segment). Empty when the reel keeps the
/// source's framing: nothing is sampled then.
/// </summary>
public sealed record FaceTrack(double Rate, IReadOnlyList<SegmentFaces> Segments)
{
    public IReadOnlyList<FaceSample> AllSamples => [.. Segments.SelectMany(s => s.Samples)];
}
