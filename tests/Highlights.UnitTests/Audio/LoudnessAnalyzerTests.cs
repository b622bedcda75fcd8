using Highlights.Grains.Audio;

namespace Highlights.UnitTests.Audio;

public sealed class LoudnessAnalyzerTests
{
    private const int Rate = 16_000;
    private const double ToneHz = 997;

    // The filters and the 400 ms momentary window need a few windows to settle.
    private const int SettleWindows = 5;

    private static float[] Sine(double amplitude, double seconds, int rate = Rate) =>
        [.. Enumerable.Range(0, (int)Math.Round(seconds * rate)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * ToneHz * i / rate)))];

    private static (float[] Rms, float[] Momentary) Analyse(float[] samples, int rate = Rate)
    {
        var analyzer = new LoudnessAnalyzer(rate);
        analyzer.Process(samples);
        return analyzer.Finish();
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    [Theory]
    [InlineData(0.5, Rate)]
    [InlineData(0.1, Rate)]
    [InlineData(1.0, Rate)]
    [InlineData(0.5, 48_000)]
    public void A_997_hz_sine_has_momentary_loudness_of_its_level_minus_3_db(double amplitude, int rate)
    {
        var (_, momentary) = Analyse(Sine(amplitude, 4, rate), rate);

        var expected = (20 * Math.Log10(amplitude)) - 3.01;
        Assert.All(momentary.Skip(SettleWindows), lufs => Assert.InRange(lufs, expected - 0.5, expected + 0.5));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.01)]
    public void The_rms_level_of_a_sine_is_its_amplitude_over_root_two(double amplitude)
    {
        var (rms, _) = Analyse(Sine(amplitude, 3));

        var expected = 20 * Math.Log10(amplitude / Math.Sqrt(2));
        Assert.All(rms, db => Assert.InRange(db, expected - 0.05, expected + 0.05));
    }

    [Fact]
    public void Silence_is_reported_at_the_floor()
    {
        var (rms, momentary) = Analyse(new float[Rate * 2]);

        Assert.Equal(20, rms.Length);
        Assert.All(rms, db => Assert.Equal(LoudnessAnalyzer.FloorDb, db));
        Assert.All(momentary, lufs => Assert.Equal(LoudnessAnalyzer.FloorDb, lufs));
    }

    [Theory]
    [InlineData(5.0, 50)]
    [InlineData(5.05, 51)]
    [InlineData(5.04, 50)]
    [InlineData(0.04, 0)]
    public void There_is_one_window_per_tenth_of_a_second_and_a_last_one_if_at_least_half_full(double seconds, int windows)
    {
        var (rms, momentary) = Analyse(Sine(0.3, seconds));

        Assert.Equal(windows, rms.Length);
        Assert.Equal(windows, momentary.Length);
    }

    [Fact]
    public void Feeding_odd_block_sizes_gives_the_same_result_as_one_block()
    {
        var samples = Sine(0.4, 3.37);
        var whole = Analyse(samples);
        var analyzer = new LoudnessAnalyzer(Rate);
        int[] sizes = [1, 7, 1000, 1601, 333, 4096];
        var offset = 0;
        for (var i = 0; offset < samples.Length; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], samples.Length - offset);
            analyzer.Process(samples.AsSpan(offset, size));
            offset += size;
        }

        var (rms, momentary) = analyzer.Finish();

        Assert.Equal(whole.Rms, rms);
        Assert.Equal(whole.Momentary, momentary);
    }

    [Fact]
    public void A_loud_burst_gives_the_loudest_rms_window_at_its_time()
    {
        var samples = Sine(0.01, 6);
        var burst = Sine(0.8, 0.1);
        burst.CopyTo(samples, 3 * Rate);

        var (rms, momentary) = Analyse(samples);

        Assert.Equal(30, ArgMax(rms));
        Assert.InRange(ArgMax(momentary), 30, 33);
        Assert.All(momentary.Take(30).Skip(SettleWindows), lufs => Assert.True(lufs < -40, $"{lufs} LUFS before the burst"));
    }

    [Fact]
    public void A_400_ms_burst_peaks_momentary_loudness_at_the_window_ending_with_it()
    {
        var samples = Sine(0.01, 6);
        var burst = Sine(0.8, 0.4);
        burst.CopyTo(samples, 2 * Rate);

        var (_, momentary) = Analyse(samples);

        Assert.Equal(23, ArgMax(momentary));
        Assert.InRange(momentary[23], (20 * Math.Log10(0.8)) - 3.51, (20 * Math.Log10(0.8)) - 2.51);
    }

    [Fact]
    public void A_sample_rate_below_8_khz_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoudnessAnalyzer(4000));
    }
}
