namespace Highlights.Grains.Audio;

/// <summary>
/// Streams mono PCM and produces, per window (100 ms by default), the RMS level in dBFS and the EBU R128
/// momentary loudness (K-weighted mean square over the last 400 ms). Feed any block size; memory stays
/// proportional to the number of windows, not samples.
/// </summary>
public sealed class LoudnessAnalyzer
{
    /// <summary>Levels below this are reported as this value: silence, and JSON has no -infinity.</summary>
    public const float FloorDb = -120f;

    private const int MomentaryWindows = 4;

    private readonly int samplesPerWindow;
    private readonly List<float> rms = [];
    private readonly List<float> momentary = [];
    private readonly double[] recentWeighted = new double[MomentaryWindows];
    private KWeighting weighting;
    private double sumSquares;
    private double sumWeightedSquares;
    private int samplesInWindow;

    public LoudnessAnalyzer(int sampleRate, double windowSeconds = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 8000);
        samplesPerWindow = (int)Math.Round(sampleRate * windowSeconds);
        WindowSeconds = windowSeconds;
        weighting = new KWeighting(sampleRate);
    }

    public double WindowSeconds { get; }

    public void Process(ReadOnlySpan<float> samples)
    {
        foreach (var sample in samples)
        {
            sumSquares += sample * (double)sample;
            var weighted = weighting.Process(sample);
            sumWeightedSquares += weighted * weighted;
            if (++samplesInWindow == samplesPerWindow)
            {
                CloseWindow();
            }
        }
    }

    /// <summary>Closes the last partial window (if it holds at least half a window) and returns both series.</summary>
    public (float[] RmsDbfs, float[] MomentaryLufs) Finish()
    {
        if (samplesInWindow >= samplesPerWindow / 2)
        {
            CloseWindow();
        }

        return (rms.ToArray(), momentary.ToArray());
    }

    private void CloseWindow()
    {
        var meanSquare = sumSquares / samplesInWindow;
        rms.Add(ToDb(10 * Math.Log10(meanSquare)));

        recentWeighted[momentary.Count % MomentaryWindows] = sumWeightedSquares / samplesInWindow;
        var available = Math.Min(momentary.Count + 1, MomentaryWindows);
        double weightedSum = 0;
        for (var i = 0; i < available; i++)
        {
            weightedSum += recentWeighted[i];
        }

        var weightedMean = weightedSum / available;
        momentary.Add(ToDb(-0.691 + (10 * Math.Log10(weightedMean))));

        sumSquares = 0;
        sumWeightedSquares = 0;
        samplesInWindow = 0;
    }

    private static float ToDb(double value) => double.IsFinite(value) ? (float)Math.Max(value, FloorDb) : FloorDb;
}
