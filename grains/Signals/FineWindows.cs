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
    /// Windows closer than this are decoded as one: every window starts decoding at the keyframe before it, so a
    /// short gap costs less decoded through than sought over.
    /// </summary>
    public const double MergeGapSeconds = 2;

    /// <param name="segments">Start and end seconds of the candidate segments, in any order.</param>
    public static IReadOnlyList<StepWindow> Around(IEnumerable<(double Start, double End)> segments, double padSeconds, double stepSeconds, int steps)
    {
        var mergeSteps = (int)Math.Round(MergeGapSeconds / stepSeconds);
        var spans = segments
            .Select(s => (First: Math.Max(0, (int)Math.Floor(((s.Start - padSeconds) / stepSeconds) + 1e-9)),
                End: Math.Min(steps, (int)Math.Ceiling(((s.End + padSeconds) / stepSeconds) - 1e-9))))
            .Where(s => s.End > s.First)
            .OrderBy(s => s.First)
            .ToList();
        var windows = new List<StepWindow>();
        foreach (var (first, end) in spans)
        {
            if (windows.Count > 0 && first <= windows[^1].FirstStep + windows[^1].Steps + mergeSteps)
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

    /// <summary>Whether windows of <paramref name="windowSeconds"/> in all would be cheaper decoded as one full pass.</summary>
    public static bool FullPassCheaper(double windowSeconds, double durationSeconds) =>
        durationSeconds <= 0 || windowSeconds >= FullPassShare * durationSeconds;
}
