using System.Numerics;
using System.Runtime.CompilerServices;

namespace Highlights.Grains.Signals.Audio;

/// <summary>
/// In-place radix-2 complex FFT of one fixed size, with twiddles and bit reversal computed once. Small and
/// allocation-free per call; audio frames here are a few hundred samples, where this is far from the bottleneck.
/// </summary>
public sealed class Fft
{
    private readonly int size;
    private readonly int[] reversed;
    private readonly float[] cos;
    private readonly float[] sin;

    public Fft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two >= 2");
        }

        this.size = size;
        var bits = BitOperations.Log2((uint)size);
        reversed = new int[size];
        for (var i = 0; i < size; i++)
        {
            reversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        cos = new float[size / 2];
        sin = new float[size / 2];
        for (var i = 0; i < size / 2; i++)
        {
            cos[i] = (float)Math.Cos(-2 * Math.PI * i / size);
            sin[i] = (float)Math.Sin(-2 * Math.PI * i / size);
        }
    }

    public int Size => size;

    /// <summary>Transforms <paramref name="re"/> + i·<paramref name="im"/> (each of length Size) into its spectrum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(Span<float> re, Span<float> im)
    {
        if (re.Length != size || im.Length != size)
        {
            throw new ArgumentException($"both spans must hold {size} values");
        }

        for (var i = 0; i < size; i++)
        {
            var j = reversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var half = 1; half < size; half <<= 1)
        {
            var stride = size / (2 * half);
            for (var start = 0; start < size; start += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = cos[k * stride];
                    var wi = sin[k * stride];
                    var a = start + k;
                    var b = a + half;
                    var tr = (re[b] * wr) - (im[b] * wi);
                    var ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
