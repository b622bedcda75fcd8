namespace Highlights.Grains.Signals;

/// <summary>A span of whole steps: steps FirstStep .. FirstStep + Steps - 1.</summary>
public readonly record struct StepWindow(int FirstStep, int Steps)
{
    public double Start(double stepSeconds) => FirstStep * stepSeconds;

    public double Seconds(double stepSeconds) => Steps * stepSeconds;
}

/// <summary>
/// Where the fine visual pass runs: around the segments a selection over the coarse signals would choose, padded,
/// snapped out to whole steps, merged where they touch. Pure.
/// </summary>
public static class FineWindows
{
    /// <summary>Fine windows over more than this share of the video save too little over one full pass (the seeks and the coarse pass cost too): decode it all instead.</summary>
    public const double FullPassShare = 0.5;

    /// <summary>
    /// Windows closer than this are decoded as one: starting a decode costs ffmpeg about this much video's worth.
    /// </summary>
    public const double MergeGapSeconds = 2;

    /// <param name="segments">Start and end seconds of the candidate segments, in any order.</param>
    /// <param name="keyframes">
    /// Keyframe times, ascending, if known. A window's decode starts at the keyframe before it, so a window whose
    /// keyframe lies inside the window before is decoded with it: the gap between them is decoded either way.
    /// </param>
    public static IReadOnlyList<StepWindow> Around(
        IEnumerable<(double Start, double End)> segments, double padSeconds, double stepSeconds, int steps, IReadOnlyList<double>? keyframes = null)
    {
        var mergeSteps = (int)Math.Round(MergeGapSeconds / stepSeconds);
        var spans = segments
            .Select(s => (First: Math.Max(0, StepResampler.StepOf(s.Start - padSeconds, stepSeconds)),
                End: Math.Min(steps, (int)Math.Ceiling(((s.End + padSeconds) / stepSeconds) - 1e-9))))
            .Where(s => s.End > s.First)
            .OrderBy(s => s.First)
            .ToList();
        var windows = new List<StepWindow>();
        foreach (var (first, end) in spans)
        {
            if (windows.Count > 0
                && (first <= windows[^1].FirstStep + windows[^1].Steps + mergeSteps
                    || KeyframeBefore(keyframes, first * stepSeconds) < (windows[^1].FirstStep + windows[^1].Steps) * stepSeconds))
            {
                var last = windows[^1];
                windows[^1] = last with { Steps = Math.Max(last.Steps, end - last.FirstStep) };
            }
            else
            {
                windows.Add(new StepWindow(first, end - first));
            }
        }

        return windows;
    }

    private static double KeyframeBefore(IReadOnlyList<double>? keyframes, double time)
    {
        // Unknown: the decode is taken to start at the window itself.
        if (keyframes is null || keyframes.Count == 0)
        {
            return time;
        }

        // The last keyframe at or before the time; binary search, the list can hold thousands.
        int low = 0, high = keyframes.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (keyframes[middle] <= time + 1e-9)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? 0 : keyframes[found];
    }

    /// <summary>Whether windows of <paramref name="windowSeconds"/> in all would be cheaper decoded as one full pass.</summary>
    public static bool FullPassCheaper(double windowSeconds, double durationSeconds) =>
        durationSeconds <= 0 || windowSeconds >= FullPassShare * durationSeconds;
}
