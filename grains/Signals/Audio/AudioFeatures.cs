namespace Highlights.Grains.Signals.Audio;

/// <summary>Spectral measurements of the extracted PCM, on the energy stage's window grid.</summary>
public sealed record AudioFeatures(double WindowSeconds, float[] Flatness, float[] Flux)
{
    public static AudioFeatures None { get; } = new(0.1, [], []);
}
