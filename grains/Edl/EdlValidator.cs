using System.Globalization;

namespace Highlights.Grains.Edl;

/// <summary>
/// Checks an EDL, perhaps edited by hand, against the source it cuts before any render work. Start and end seconds are
/// what a person edits, so they win: frames are derived from them on the source's frame grid (each time to its nearest
/// frame), and the totals from the frames, whatever the file said. The segments are in reel order, which need not be
/// source order, but no two may share a source frame. Shared by the CLI's <c>render</c> and the API, so both refuse the same EDLs.
/// </summary>
public static class EdlValidator
{
    /// <summary>The length a source may differ from the EDL's record of it and still be the same file (container rounding).</summary>
    public const double DurationTolerance = 0.5;

    private const double FpsTolerance = 0.01;

    public static EdlValidation Validate(EdlDocument edl, double sourceDuration, double sourceFps)
    {
        if (Math.Abs(edl.Source.Duration - sourceDuration) > DurationTolerance)
        {
            return Reject("source.duration", $"{S(edl.Source.Duration)} s, but the source is {S(sourceDuration)} s: not the file this EDL was made from");
        }

        if (Math.Abs(edl.Source.Fps - sourceFps) > FpsTolerance)
        {
            return Reject("source.fps", $"{S(edl.Source.Fps)}, but the source runs at {S(sourceFps)} fps: not the file this EDL was made from");
        }

        if (edl.Segments.Count == 0)
        {
            return Reject("segments", "no segments: a reel needs at least one");
        }

        var grid = new FrameGrid(sourceFps);
        var lastFrame = grid.EndFrame(sourceDuration);
        var segments = new List<EdlSegment>(edl.Segments.Count);
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            var problem = CheckTimes(segment, i, sourceDuration, grid, lastFrame, segments);
            if (problem is not null)
            {
                return new EdlValidation(null, problem);
            }

            var derived = segment with { StartFrame = grid.FrameAt(segment.Start), EndFrame = grid.FrameAt(segment.End) };
            problem = CheckTransition(derived, i, segments.Count > 0 ? segments[^1] : null);
            if (problem is not null)
            {
                return new EdlValidation(null, problem);
            }

            segments.Add(derived with { Start = grid.TimeOf(derived.StartFrame), End = grid.TimeOf(derived.EndFrame) });
        }

        var total = Math.Round(segments.Sum(s => s.Frames) / sourceFps, 6);
        var reel = Math.Round(ReelTimeline.ReelFrames(segments) / sourceFps, 6);
        return new EdlValidation(edl with { Segments = segments, TotalDuration = total, ReelDuration = reel }, null);
    }

    private static EdlProblem? CheckTimes(EdlSegment segment, int index, double sourceDuration, FrameGrid grid, long lastFrame, IReadOnlyList<EdlSegment> accepted)
    {
        if (segment.Start < 0)
        {
            return Problem(segment, index, "start", $"{S(segment.Start)} s is before the start of the source");
        }

        if (segment.End <= segment.Start)
        {
            return Problem(segment, index, "end", $"{S(segment.End)} s is not after its start ({S(segment.Start)} s)");
        }

        if (grid.FrameAt(segment.End) > lastFrame)
        {
            return Problem(segment, index, "end", $"{S(segment.End)} s is past the end of the source ({S(sourceDuration)} s)");
        }

        if (grid.FrameAt(segment.End) <= grid.FrameAt(segment.Start))
        {
            return Problem(segment, index, "end", $"{S(segment.End)} s is less than one frame after its start ({S(segment.Start)} s)");
        }

        var (start, end) = (grid.FrameAt(segment.Start), grid.FrameAt(segment.End));
        var clash = accepted.Select((other, at) => (Other: other, At: at)).FirstOrDefault(o => o.Other.StartFrame < end && start < o.Other.EndFrame);
        if (clash.Other is { } other)
        {
            var field = start >= other.StartFrame ? "start" : "end";
            return Problem(segment, index, field, $"{S(segment.Start)}-{S(segment.End)} s overlaps segment {clash.At + 1} ({other.Id}, {S(other.Start)}-{S(other.End)} s): no source frame may be in the reel twice");
        }

        return null;
    }

    /// <summary>A crossfade may take at most half of either neighbour (as <see cref="EdlTransitions"/> builds them), and the first segment has nothing to fade from.</summary>
    private static EdlProblem? CheckTransition(EdlSegment segment, int index, EdlSegment? previous)
    {
        var frames = segment.OverlapFrames;
        if (frames == 0)
        {
            return null;
        }

        if (previous is null)
        {
            return Problem(segment, index, "transition", "the first segment cannot crossfade: there is nothing before it");
        }

        var most = Math.Min(previous.Frames, segment.Frames) / 2;
        return frames < 0 || frames > most
            ? Problem(segment, index, "transition.frames", $"{frames} frames, but a crossfade may take at most half of either neighbour ({most} frames here)")
            : null;
    }

    private static EdlProblem Problem(EdlSegment segment, int index, string field, string reason) => new(index + 1, segment.Id, field, reason);

    private static EdlValidation Reject(string field, string reason) => new(null, new EdlProblem(null, null, field, reason));

    private static string S(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);
}
