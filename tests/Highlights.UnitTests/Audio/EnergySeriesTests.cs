using Highlights.Grains.Audio;

namespace Highlights.UnitTests.Audio;

public sealed class EnergySeriesTests
{
    private static EnergySeries Series(params float[] normalised) =>
        new(true, 0.1, new float[normalised.Length], new float[normalised.Length], normalised);

    private static readonly EnergySeries Steps = Series(0f, 0.2f, 0.4f, 0.6f, 0.8f, 1f);

    private static readonly EnergySeries Tenths = Series(0f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f);

    [Theory]
    [InlineData(0.0, 0.1, 0.0)]
    [InlineData(0.1, 0.2, 0.2)]
    [InlineData(0.0, 0.6, 0.5)]
    [InlineData(0.15, 0.25, 0.3)]
    [InlineData(0.4, 10, 0.9)]
    [InlineData(-5, 0.2, 0.1)]
    public void The_mean_covers_every_window_touching_the_interval(double start, double end, double expected)
    {
        Assert.Equal(expected, Steps.MeanBetween(start, end), 5);
    }

    [Fact]
    public void An_interval_past_the_end_uses_the_last_window()
    {
        Assert.Equal(1, Steps.MeanBetween(20, 30), 5);
    }

    [Theory]
    [InlineData(0.3, 0.5, 0.35)]
    [InlineData(0.7, 0.9, 0.75)]
    public void An_interval_starting_on_a_window_boundary_does_not_include_the_window_before(double start, double end, double expected)
    {
        // 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
        Assert.Equal(expected, Tenths.MeanBetween(start, end), 5);
    }

    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(0.5, 0.2)]
    public void An_empty_or_reversed_interval_is_zero(double start, double end)
    {
        Assert.Equal(0, Steps.MeanBetween(start, end));
    }

    [Fact]
    public void Without_audio_the_mean_is_zero()
    {
        Assert.Equal(0, EnergySeries.None.MeanBetween(0, 10));
        Assert.Equal(0, (Steps with { Present = false }).MeanBetween(0, 0.6));
    }
}
