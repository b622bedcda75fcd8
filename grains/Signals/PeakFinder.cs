namespace Highlights.Grains.Signals;

/// <summary>
/// Peaks of a 0..1 series: the highest steps at or above a threshold that also stand out from the video's quiet
/// level (its 25th percentile: a lower quartile rather than the median, so a video that is exciting half the time
/// still has peaks), strongest first, each suppressing any other within <c>separationSeconds</c>. A flat series has
/// no peaks however high it is. An event spans the steps around its peak that stay above halfway between the quiet
/// level and the peak.
/// </summary>
public static class PeakFinder
{
    /// <summary>How far above the quiet level a peak must rise.</summary>
    public const double MinimumProminence = 0.25;

    public static List<SignalEvent> Find(IReadOnlyList<float> values, double stepSeconds, string type, double threshold = 0.6, double separationSeconds = 5)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var quiet = values.Order().ElementAt(values.Count / 4);
        var separation = (int)Math.Round(separationSeconds / stepSeconds);
        var taken = new List<int>();
        var candidates = Enumerable.Range(0, values.Count)
            .Where(i => values[i] >= threshold && values[i] - quiet >= MinimumProminence)
            .OrderByDescending(i => values[i])
            .ThenBy(i => i);
        foreach (var i in candidates)
        {
            if (taken.All(t => Math.Abs(t - i) > separation))
            {
                taken.Add(i);
            }
        }

        return taken.Order().Select(peak =>
        {
            var floor = (values[peak] + quiet) / 2;
            var start = peak;
            while (start > 0 && values[start - 1] >= floor)
            {
                start--;
            }

            var end = peak;
            while (end + 1 < values.Count && values[end + 1] >= floor)
            {
                end++;
            }

            return new SignalEvent(
                type,
                Math.Round(start * stepSeconds, 3),
                Math.Round((end + 1) * stepSeconds, 3),
                Math.Round((peak + 0.5) * stepSeconds, 3),
                Math.Round(values[peak], 3));
        }).ToList();
    }
}
