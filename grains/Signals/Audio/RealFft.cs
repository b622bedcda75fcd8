using System.Runtime.CompilerServices;

namespace Highlights.Grains.Signals.Audio;

/// <summary>
/// Spectrum of a real signal of even length N through one complex FFT of N/2 (even samples as the real part, odd
/// ones as the imaginary part) and a split step: half the work of transforming N reals as complex numbers.
/// </summary>
public sealed class RealFft
{
    private readonly Fft half;
    private readonly float[] zr;
    private readonly float[] zi;
    private readonly float[] cos;
    private readonly float[] sin;

    public RealFft(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 4);
        Size = size;
        half = new Fft(size / 2);
        zr = new float[size / 2];
        zi = new float[size / 2];
        cos = new float[(size / 2) + 1];
        sin = new float[(size / 2) + 1];
        for (var k = 0; k <= size / 2; k++)
        {
            cos[k] = (float)Math.Cos(-2 * Math.PI * k / size);
            sin[k] = (float)Math.Sin(-2 * Math.PI * k / size);
        }
    }

    public int Size { get; }

    /// <summary>Bins 0..N/2 of the spectrum of <paramref name="input"/> (length N) into <paramref name="re"/> and <paramref name="im"/> (length N/2 + 1 each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ReadOnlySpan<float> input, Span<float> re, Span<float> im)
    {
        var m = Size / 2;
        if (input.Length != Size || re.Length != m + 1 || im.Length != m + 1)
        {
            throw new ArgumentException($"input must hold {Size} values and each output {m + 1}");
        }

        for (var n = 0; n < m; n++)
        {
            zr[n] = input[2 * n];
            zi[n] = input[(2 * n) + 1];
        }

        half.Transform(zr, zi);
        for (var k = 0; k <= m; k++)
        {
            var a = k % m;
            var b = (m - k) % m;

            // Even part E = (Z[k] + conj Z[m-k]) / 2, odd part O = (Z[k] - conj Z[m-k]) / 2i; X[k] = E + W^k O.
            var er = (zr[a] + zr[b]) / 2;
            var ei = (zi[a] - zi[b]) / 2;
            var or = (zi[a] + zi[b]) / 2;
            var oi = -(zr[a] - zr[b]) / 2;
            re[k] = er + (cos[k] * or) - (sin[k] * oi);
            im[k] = ei + (cos[k] * oi) + (sin[k] * or);
        }
    }
}
