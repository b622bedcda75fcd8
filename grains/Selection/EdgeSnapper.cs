using System.Globalization;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Selection;

/// <summary>
/// Moves a signal edge to where a cut can go: into the nearest pause (earlier on a tie), on a frame boundary inside
/// that pause when one fits, so the EDL's own snap to frames cannot move the cut into a word. Without a transcript
/// there are no pauses and the edge goes to the nearest frame. Pure.
/// </summary>
/// <param name="pauses">In time order, not overlapping (as <see cref="WordPauses.Find"/> gives them).</param>
public sealed class EdgeSnapper(IReadOnlyList<PauseSpan> pauses, double? frameRate)
{
    private readonly FrameGrid? grid = frameRate is { } fps ? new FrameGrid(fps) : null;

    /// <summary>The cut time and, in words for the segment's reasons, where it went.</summary>
    public (double Time, string Where) Snap(double time)
    {
        if (pauses.Count == 0)
        {
            var framed = Frame(time);
            return (framed, grid is null ? "unsnapped (no transcript)" : "on a frame (no transcript)");
        }

        var pause = Nearest(time);
        var inside = Math.Clamp(time, pause.Start, pause.End);
        var cut = FrameInside(inside, pause);
        return (cut, string.Create(CultureInfo.InvariantCulture, $"snapped to {cut:0.00} s, {pause.Kind}"));
    }

    /// <summary>The pause nearest <paramref name="time"/>, the earlier on a tie; a binary search, as a long talk has thousands.</summary>
    private PauseSpan Nearest(double time)
    {
        // The first pause ending at or after the time; the one before it is the only other candidate.
        int low = 0, high = pauses.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (pauses[middle].End < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low == pauses.Count)
        {
            return pauses[^1];
        }

        return low > 0 && Distance(pauses[low - 1], time) <= Distance(pauses[low], time) ? pauses[low - 1] : pauses[low];
    }

    private static double Distance(PauseSpan pause, double time) =>
        time < pause.Start ? pause.Start - time : time > pause.End ? time - pause.End : 0;

    /// <summary>The frame boundary inside the pause nearest <paramref name="time"/>; a pause shorter than a frame gets the frame nearest its middle.</summary>
    private double FrameInside(double time, PauseSpan pause)
    {
        if (grid is not { } frames)
        {
            return Math.Round(time, 6);
        }

        var first = frames.FrameAtOrAfter(pause.Start);
        var last = frames.FrameAtOrBefore(pause.End);
        if (first > last)
        {
            return Frame((pause.Start + pause.End) / 2);
        }

        return frames.TimeOf(Math.Clamp(frames.FrameAt(time), first, last));
    }

    private double Frame(double time) => grid is { } frames ? frames.TimeOf(frames.FrameAt(time)) : Math.Round(time, 6);
}
