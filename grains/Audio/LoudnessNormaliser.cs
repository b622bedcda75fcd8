namespace Highlights.Grains.Audio;

/// <summary>
/// Maps loudness to 0..1 per video: the 10th percentile of non-silent windows to 0, the 95th to 1, clamped.
/// Percentiles rather than min/max, so one click or one dropout does not flatten the whole series.
/// </summary>
public static class LoudnessNormaliser
{
    /// <summary>The R128 absolute gate: quieter windows count as silence.</summary>
    public const float SilenceLufs = -70f;

    /// <summary>A spread narrower than this is a steady signal (tone, hum): nothing in it stands out.</summary>
    public const float FlatRangeLu = 1f;

    public static float[] Normalise(IReadOnlyList<float> loudness)
    {
        var audible = loudness.Where(l => l > SilenceLufs).Order().ToArray();
        var result = new float[loudness.Count];
        if (audible.Length == 0)
        {
            return result;
        }

        var low = Percentile(audible, 0.10);
        var high = Percentile(audible, 0.95);
        var flat = high - low < FlatRangeLu;
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = loudness[i] <= SilenceLufs ? 0f
                : flat ? 0.5f
                : Math.Clamp((loudness[i] - low) / (high - low), 0f, 1f);
        }

        return result;
    }

    private static float Percentile(float[] sorted, double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
}
