using System.Numerics;
using System.Runtime.CompilerServices;

namespace Highlights.Grains.Signals.Visual;

/// <summary>Motion energy between two grey frames: the mean absolute pixel difference, 0 (identical) .. 1 (black to white).</summary>
public static class FrameDifference
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double MotionEnergy(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> current)
    {
        if (previous.Length != current.Length)
        {
            throw new ArgumentException($"frames differ in size ({previous.Length} and {current.Length} bytes)");
        }

        if (current.IsEmpty)
        {
            return 0;
        }

        // |a - b| on bytes is max - min, with no overflow; sums are widened before they could wrap.
        ulong total = 0;
        var i = 0;
        var width = Vector<byte>.Count;
        while (i <= current.Length - width)
        {
            // At most 128 vectors (255 * 128 fits in a ushort lane after one widening) per partial sum.
            var partial = Vector<ushort>.Zero;
            for (var n = 0; n < 128 && i <= current.Length - width; n++, i += width)
            {
                var a = new Vector<byte>(previous[i..]);
                var b = new Vector<byte>(current[i..]);
                Vector.Widen(Vector.Max(a, b) - Vector.Min(a, b), out var low, out var high);
                partial += low + high;
            }

            Vector.Widen(partial, out var lowSum, out var highSum);
            total += Vector.Sum(lowSum) + Vector.Sum(highSum);
        }

        for (; i < current.Length; i++)
        {
            total += (ulong)Math.Abs(previous[i] - current[i]);
        }

        return total / (255.0 * current.Length);
    }
}
