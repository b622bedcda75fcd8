namespace Highlights.Grains.Selection;

/// <summary>
/// A named time series normalised to 0..1 per video; value i covers [i*StepSeconds, (i+1)*StepSeconds). Audio energy
/// is one today; the signals stage's audio excitement and visual reaction become tracks the same way.
/// </summary>
public sealed record SignalTrack(string Name, double StepSeconds, float[] Values)
{
    /// <summary>Mean over [start, end); 0 for an empty track.</summary>
    public double MeanBetween(double start, double end)
    {
        if (Values.Length == 0 || end <= start)
        {
            return 0;
        }

        // The epsilon keeps 0.3 / 0.1 = 2.9999999999999996 on step 3, not the step before it.
        var first = Math.Clamp((int)Math.Floor((start / StepSeconds) + 1e-9), 0, Values.Length - 1);
        var last = Math.Clamp((int)Math.Ceiling((end / StepSeconds) - 1e-9), first + 1, Values.Length);
        double sum = 0;
        for (var i = first; i < last; i++)
        {
            sum += Values[i];
        }

        return sum / (last - first);
    }

    /// <summary>
    /// Up to <paramref name="count"/> strongest one-second means in [start, end) that reach <paramref name="threshold"/>,
    /// at least <paramref name="separationSeconds"/> apart, in time order.
    /// </summary>
    public IReadOnlyList<SignalPeak> Peaks(double start, double end, int count, double threshold, double separationSeconds)
    {
        var seconds = new List<SignalPeak>();
        for (var t = Math.Floor(Math.Max(0, start)); t < end; t++)
        {
            var value = MeanBetween(Math.Max(t, start), Math.Min(t + 1, end));
            if (value >= threshold)
            {
                seconds.Add(new SignalPeak(Math.Max(t, start), value));
            }
        }

        var picked = new List<SignalPeak>();
        foreach (var candidate in seconds.OrderByDescending(p => p.Value).ThenBy(p => p.Time))
        {
            if (picked.Count < count && picked.All(p => Math.Abs(p.Time - candidate.Time) >= separationSeconds))
            {
                picked.Add(candidate);
            }
        }

        return picked.OrderBy(p => p.Time).ToList();
    }
}
