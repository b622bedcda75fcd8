using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Chunks;

/// <summary>
/// Splits an EDL into chunks of similar length for a parallel render. A chunk may only end at a hard cut between
/// segments that are not continuous in the source: there the single-pass render has nothing that spans the boundary
/// (no crossfade, and the sound fades out and in anyway), so rendering the halves apart changes nothing.
/// </summary>
public static class ChunkPlanner
{
    public static IReadOnlyList<EdlDocument> Split(EdlDocument edl, int chunks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunks, 1);
        var segments = edl.Segments;
        var total = ReelTimeline.ReelFrames(segments);
        var result = new List<EdlDocument>();
        var first = 0;
        long done = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            done += segments[i].Frames - (i == first ? 0 : segments[i].OverlapFrames);
            var boundary = i + 1 < segments.Count && RenderCommandBuilder.IsCut(segments[i], segments[i + 1]);
            var due = (double)total * (result.Count + 1) / chunks;
            if (boundary && result.Count < chunks - 1 && done >= due)
            {
                result.Add(Slice(edl, first, i + 1));
                first = i + 1;
            }
        }

        result.Add(Slice(edl, first, segments.Count));
        return result;
    }

    private static EdlDocument Slice(EdlDocument edl, int from, int to)
    {
        var segments = edl.Segments.Skip(from).Take(to - from).ToList();
        segments[0] = segments[0] with { Transition = null };
        var total = Math.Round(segments.Sum(s => s.Duration), 6);
        return edl with
        {
            Segments = segments,
            TotalDuration = total,
            ReelDuration = Math.Round(ReelTimeline.ReelFrames(segments) / edl.Source.Fps, 6),
        };
    }
}
