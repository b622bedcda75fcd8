using Highlights.Grains.Audio;

namespace Highlights.Grains.Loudness;

/// <summary>
/// Integrated loudness (ITU-R BS.1770 gating) of a stretch of the energy series: its momentary values are exactly the
/// standard's 400 ms blocks at a 100 ms hop. Blocks below -70 LUFS are dropped, then those more than 10 LU under
/// the mean of the rest.
/// </summary>
public static class SegmentLoudness
{
    public const double AbsoluteGateLufs = -70;
    public const double RelativeGateLu = -10;

    /// <summary>Blocks per momentary value (400 ms in 100 ms windows).</summary>
    private const int BlockWindows = 4;

    /// <summary>Integrated loudness of the blocks lying wholly inside [start, end), or null when all of them are silent.</summary>
    public static double? Integrated(EnergySeries series, double start, double end)
    {
        if (!series.Present || series.MomentaryLufs.Length == 0)
        {
            return null;
        }

        // Window i closes the block [(i - 3) * w, (i + 1) * w).
        var first = Math.Max(BlockWindows - 1, (int)Math.Ceiling((start / series.WindowSeconds) - 1e-9) + BlockWindows - 1);
        var last = Math.Min(series.MomentaryLufs.Length - 1, (int)Math.Floor((end / series.WindowSeconds) + 1e-9) - 1);
        var blocks = new List<double>();
        for (var i = first; i <= last; i++)
        {
            if (series.MomentaryLufs[i] > AbsoluteGateLufs)
            {
                blocks.Add(series.MomentaryLufs[i]);
            }
        }

        if (blocks.Count == 0)
        {
            return null;
        }

        var relativeGate = MeanLoudness(blocks) + RelativeGateLu;
        var gated = blocks.Where(b => b > relativeGate).ToList();
        return MeanLoudness(gated.Count > 0 ? gated : blocks);
    }

    /// <summary>Loudness of the mean power: 10·log10(mean(10^(L/10))); the -0.691 dB of K-weighting cancels out.</summary>
    private static double MeanLoudness(IReadOnlyCollection<double> lufs) =>
        10 * Math.Log10(lufs.Average(l => Math.Pow(10, l / 10)));
}
