namespace Highlights.Grains.Edl;

/// <summary>Where each segment starts in the reel, in frames: after the one before it, less the crossfade they share.</summary>
public static class ReelTimeline
{
    public static IReadOnlyList<long> RecordStartFrames(IReadOnlyList<EdlSegment> segments)
    {
        var starts = new long[segments.Count];
        long record = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            record -= segments[i].OverlapFrames;
            starts[i] = record;
            record += segments[i].Frames;
        }

        return starts;
    }

    /// <summary>Frames in the rendered reel.</summary>
    public static long ReelFrames(IReadOnlyList<EdlSegment> segments) =>
        segments.Sum(s => s.Frames) - segments.Sum(s => (long)s.OverlapFrames);
}
