using Highlights.Grains.Audio;
using Highlights.Grains.Signals.Audio;
using static Highlights.UnitTests.Signals.SyntheticAudio;

namespace Highlights.UnitTests.Signals;

public sealed class SpectralAnalyzerTests
{
    private static (float[] Flatness, float[] Flux) Analyse(float[] samples)
    {
        var analyzer = new SpectralAnalyzer(Rate);
        analyzer.Process(samples);
        return analyzer.Finish();
    }

    [Fact]
    public void Broadband_noise_is_flat_and_a_tone_is_not()
    {
        var (noise, _) = Analyse(Noise(0.3, 2));
        var (tone, _) = Analyse(Sine(0.3, 2));

        Assert.All(noise, f => Assert.InRange(f, 0.45f, 0.7f));
        Assert.All(tone, f => Assert.InRange(f, 0f, 0.02f));
    }

    [Fact]
    public void Silence_has_no_flatness_and_no_flux()
    {
        var (flatness, flux) = Analyse(Silence(1));

        Assert.All(flatness, f => Assert.Equal(0f, f));
        Assert.All(flux, f => Assert.Equal(0f, f));
    }

    [Fact]
    public void A_sudden_onset_gives_the_highest_flux_at_its_window()
    {
        var samples = Concat(Sine(0.01, 2, 300), Noise(0.5, 1), Sine(0.01, 1, 300));

        var (_, flux) = Analyse(samples);

        Assert.Equal(20, Array.IndexOf(flux, flux.Max()));
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(5.05)]
    [InlineData(5.04)]
    [InlineData(0.3)]
    public void Windows_line_up_with_the_loudness_series(double seconds)
    {
        var samples = Noise(0.2, seconds);
        var loudness = new LoudnessAnalyzer(Rate);
        loudness.Process(samples);

        var (flatness, flux) = Analyse(samples);

        Assert.Equal(loudness.Finish().MomentaryLufs.Length, flatness.Length);
        Assert.Equal(flatness.Length, flux.Length);
    }

    [Fact]
    public void Feeding_odd_block_sizes_gives_the_same_result_as_one_block()
    {
        var samples = Concat(Sine(0.2, 1.3), Noise(0.2, 1.1));
        var whole = Analyse(samples);
        var analyzer = new SpectralAnalyzer(Rate);
        for (var offset = 0; offset < samples.Length; offset += 333)
        {
            analyzer.Process(samples.AsSpan(offset, Math.Min(333, samples.Length - offset)));
        }

        var (flatness, flux) = analyzer.Finish();

        Assert.Equal(whole.Flatness, flatness);
        Assert.Equal(whole.Flux, flux);
    }
}
