using Highlights.Grains.Signals.Audio;

namespace Highlights.UnitTests.Signals;

public sealed class FftTests
{
    [Fact]
    public void A_cosine_on_bin_k_puts_all_its_energy_in_bins_k_and_n_minus_k()
    {
        const int n = 64, k = 5;
        var re = Enumerable.Range(0, n).Select(i => (float)Math.Cos(2 * Math.PI * k * i / n)).ToArray();
        var im = new float[n];

        new Fft(n).Transform(re, im);

        var magnitudes = re.Zip(im, (r, i) => Math.Sqrt((r * r) + (i * i))).ToArray();
        Assert.Equal(n / 2.0, magnitudes[k], 3);
        Assert.Equal(n / 2.0, magnitudes[n - k], 3);
        Assert.All(magnitudes.Where((_, bin) => bin != k && bin != n - k), m => Assert.True(m < 1e-3, $"leak {m}"));
    }

    [Fact]
    public void Energy_is_preserved_up_to_the_transform_size_parseval()
    {
        var random = new Random(3);
        var re = Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var timeEnergy = re.Sum(x => (double)x * x);
        var im = new float[256];

        new Fft(256).Transform(re, im);

        Assert.Equal(timeEnergy, re.Zip(im, (r, i) => ((double)r * r) + ((double)i * i)).Sum() / 256, 3);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(512)]
    public void The_real_transform_equals_the_complex_transform_of_the_same_reals(int size)
    {
        var random = new Random(size);
        var input = Enumerable.Range(0, size).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var expectedRe = input.ToArray();
        var expectedIm = new float[size];
        new Fft(size).Transform(expectedRe, expectedIm);
        var re = new float[(size / 2) + 1];
        var im = new float[(size / 2) + 1];

        new RealFft(size).Transform(input, re, im);

        for (var k = 0; k <= size / 2; k++)
        {
            Assert.Equal(expectedRe[k], re[k], 1e-3);
            Assert.Equal(expectedIm[k], im[k], 1e-3);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100)]
    public void Sizes_that_are_not_powers_of_two_are_refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fft(size));
    }
}
