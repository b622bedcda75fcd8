namespace Highlights.Grains.Edl;

/// <summary>
/// Puts a transition on every segment boundary. A crossfade is at most half of either neighbour, so a segment is never
/// swallowed by the fades on its two sides; neighbours that are continuous in the source are always cut (they are one
/// take, and a crossfade would show the same motion twice).
/// </summary>
public static class EdlTransitions
{
    public static EdlDocument Apply(EdlDocument edl, TimeSpan crossfade)
    {
        var fps = edl.Source.Fps;
        var wanted = (int)Math.Round(crossfade.TotalSeconds * fps, MidpointRounding.AwayFromZero);
        var segments = new List<EdlSegment>(edl.Segments.Count);
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            if (i == 0)
            {
                segments.Add(segment with { Transition = null });
                continue;
            }

            var previous = edl.Segments[i - 1];
            var frames = (int)Math.Min(wanted, Math.Min(previous.Frames, segment.Frames) / 2);
            var continuous = previous.EndFrame == segment.StartFrame;
            segments.Add(segment with
            {
                Transition = frames >= 1 && !continuous
                    ? new EdlTransition(TransitionKind.Crossfade, frames, Math.Round(frames / fps, 6))
                    : EdlTransition.Cut,
            });
        }

        var overlap = segments.Sum(s => s.OverlapFrames);
        return edl with { Segments = segments, ReelDuration = Math.Round(edl.TotalDuration - (overlap / fps), 6) };
    }
}
