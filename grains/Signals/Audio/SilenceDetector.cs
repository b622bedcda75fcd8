namespace Highlights.Grains.Signals.Audio;

/// <summary>
/// Marks silent windows: below the R128 absolute gate, or far below this video's typical level (pauses in a
/// normally recorded talk sit 25+ LU under the speech). Relative, so a quiet recording is not all "silence".
/// </summary>
public static class SilenceDetector
{
    public const float AbsoluteGateLufs = -70f;

    /// <summary>How far under the median audible loudness a window counts as silent.</summary>
    public const float RelativeGateLu = 25f;

    public static bool[] Mark(IReadOnlyList<float> loudness)
    {
        var audible = loudness.Where(l => l > AbsoluteGateLufs).Order().ToArray();
        var gate = audible.Length == 0 ? AbsoluteGateLufs : Math.Max(AbsoluteGateLufs, audible[audible.Length / 2] - RelativeGateLu);
        return loudness.Select(l => l <= gate).ToArray();
    }

    /// <summary>Runs of silent windows lasting at least <paramref name="minimumSeconds"/>, as events.</summary>
    public static List<SignalEvent> Spans(IReadOnlyList<bool> silent, double windowSeconds, double minimumSeconds = 2)
    {
        var events = new List<SignalEvent>();
        var minimum = (int)Math.Ceiling((minimumSeconds / windowSeconds) - 1e-9);
        for (var i = 0; i < silent.Count;)
        {
            if (!silent[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < silent.Count && silent[i])
            {
                i++;
            }

            if (i - start >= minimum)
            {
                var startSeconds = Math.Round(start * windowSeconds, 3);
                events.Add(new SignalEvent(SignalEventTypes.Silence, startSeconds, Math.Round(i * windowSeconds, 3), startSeconds, 1));
            }
        }

        return events;
    }
}
