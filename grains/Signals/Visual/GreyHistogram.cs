using System.Runtime.CompilerServices;

namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// A coarse grey-level histogram and the distance between two of them. Histograms ignore where things are, so a
/// camera pan or a moving speaker barely changes them while a cut to another shot does.
/// </summary>
public static class GreyHistogram
{
    public const int Bins = 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(ReadOnlySpan<byte> pixels, Span<int> bins)
    {
        if (bins.Length != Bins)
        {
            throw new ArgumentException($"a histogram has {Bins} bins");
        }

        bins.Clear();
        foreach (var p in pixels)
        {
            bins[p >> 3]++;
        }
    }

    /// <summary>Half the L1 distance of the normalised histograms: 0 for the same distribution, 1 for disjoint ones.</summary>
    public static double Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        long totalA = 0, totalB = 0;
        for (var i = 0; i < Bins; i++)
        {
            totalA += a[i];
            totalB += b[i];
        }

        if (totalA == 0 || totalB == 0)
        {
            return totalA == totalB ? 0 : 1;
        }

        double sum = 0;
        for (var i = 0; i < Bins; i++)
        {
            sum += Math.Abs((a[i] / (double)totalA) - (b[i] / (double)totalB));
        }

        return sum / 2;
    }
}
