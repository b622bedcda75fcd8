namespace Highlights.UnitTests.Signals;

/// <summary>Test signals at 16 kHz: tones, seeded noise, silence.</summary>
internal static class SyntheticAudio
{
    public const int Rate = 16_000;

    public static float[] Sine(double amplitude, double seconds, double hz = 440) =>
        [.. Enumerable.Range(0, (int)Math.Round(seconds * Rate)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / Rate)))];

    public static float[] Noise(double amplitude, double seconds, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, (int)Math.Round(seconds * Rate)).Select(_ => (float)(amplitude * ((random.NextDouble() * 2) - 1)))];
    }

    public static float[] Silence(double seconds) => new float[(int)Math.Round(seconds * Rate)];

    public static float[] Concat(params float[][] parts) => [.. parts.SelectMany(p => p)];
}
