namespace Highlights.Grains.Signals.Audio;

/// <summary>
/// Audio excitement per window, before per-video scaling: loud counts, loud <em>and</em> broadband counts more
/// (a crowd, applause, laughter rather than one voice at the same level), and sudden spectral change (onsets,
/// bangs) adds a little on top. Silence is 0 whatever else is measured.
/// </summary>
public static class AudioExcitement
{
    /// <summary>Flatness of voiced speech sits below this (espeak and real voices: ~0.05, 90th percentile ~0.14).</summary>
    public const double TonalFlatness = 0.12;

    /// <summary>Flatness of crowd-like noise reaches this (pink noise ~0.42, white ~0.57).</summary>
    public const double NoisyFlatness = 0.35;

    public const double LoudnessWeight = 0.5;
    public const double NoisinessWeight = 0.5;
    public const double FluxWeight = 0.25;

    /// <summary>Flux (dB per bin per frame) that counts as fully sudden; steady noise has about 3.</summary>
    public const double FluxScaleDb = 8;

    /// <summary>0..1 broadband-ness of a window from its spectral flatness.</summary>
    public static double Noisiness(double flatness) => Math.Clamp((flatness - TonalFlatness) / (NoisyFlatness - TonalFlatness), 0, 1);

    /// <param name="loudness">Normalised loudness per window (0..1, the energy stage's series).</param>
    /// <param name="flatness">Spectral flatness per window.</param>
    /// <param name="flux">Spectral flux per window, dB per bin.</param>
    /// <param name="silent">Silent windows.</param>
    public static float[] Compute(IReadOnlyList<float> loudness, IReadOnlyList<float> flatness, IReadOnlyList<float> flux, IReadOnlyList<bool> silent)
    {
        var result = new float[loudness.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (silent[i])
            {
                continue;
            }

            var noisy = i < flatness.Count ? Noisiness(flatness[i]) : 0;
            var sudden = i < flux.Count ? Math.Clamp(flux[i] / FluxScaleDb, 0, 1) : 0;
            result[i] = (float)((loudness[i] * (LoudnessWeight + (NoisinessWeight * noisy))) + (FluxWeight * sudden * loudness[i]));
        }

        return result;
    }
}
