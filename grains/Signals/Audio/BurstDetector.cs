namespace Highlights.Grains.Signals.Audio;

/// <summary>
/// Finds loudness bursts: windows whose loudness jumps well above what came just before (the median of the
/// trailing seconds), as a roar, a laugh or a bang does over speech. A burst lasts while it stays clearly above that
/// reference, so a long cheer is one event rather than many.
/// </summary>
public static class BurstDetector
{
    /// <param name="loudness">Loudness per window (LUFS or dB), silence at a floor value.</param>
    /// <param name="windowSeconds">Length of one window.</param>
    /// <param name="riseLu">How far above the trailing median a window must rise to start a burst.</param>
    /// <param name="historySeconds">Length of the trailing reference.</param>
    /// <param name="minimumLufs">Bursts quieter than this are ignored (a click in silence is no event).</param>
    public static List<SignalEvent> Find(
        IReadOnlyList<float> loudness, double windowSeconds, double riseLu = 8, double historySeconds = 3, double minimumLufs = -45)
    {
        var events = new List<SignalEvent>();
        var history = Math.Max(1, (int)Math.Round(historySeconds / windowSeconds));
        var sorted = new List<float>(history);
        var i = 1;
        while (i < loudness.Count)
        {
            var reference = TrailingMedian(loudness, i, history, sorted);
            var rise = loudness[i] - reference;
            if (rise < riseLu || loudness[i] < minimumLufs)
            {
                i++;
                continue;
            }

            // Held while it stays above half the starting rise over the reference taken when it started.
            var start = i;
            var peak = i;
            while (i + 1 < loudness.Count && loudness[i + 1] - reference >= riseLu / 2)
            {
                i++;
                if (loudness[i] > loudness[peak])
                {
                    peak = i;
                }
            }

            var strength = Math.Clamp((loudness[peak] - reference) / (2 * riseLu), 0, 1);
            events.Add(new SignalEvent(
                SignalEventTypes.LoudnessBurst,
                Math.Round(start * windowSeconds, 3),
                Math.Round((i + 1) * windowSeconds, 3),
                Math.Round(peak * windowSeconds, 3),
                Math.Round(strength, 3)));
            i++;
        }

        return events;
    }

    private static float TrailingMedian(IReadOnlyList<float> values, int end, int count, List<float> scratch)
    {
        scratch.Clear();
        for (var j = Math.Max(0, end - count); j < end; j++)
        {
            scratch.Add(values[j]);
        }

        scratch.Sort();
        return scratch[scratch.Count / 2];
    }
}
