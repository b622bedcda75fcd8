using Highlights.Grains.Export;

namespace Highlights.UnitTests.Export;

public sealed class TimecodeTests
{
    private static readonly FrameRate Ntsc = new(30000, 1001);
    private static readonly FrameRate Ntsc60 = new(60000, 1001);

    [Theory]
    [InlineData(0, "00:00:00;00")]
    [InlineData(1799, "00:00:59;29")]
    [InlineData(1800, "00:01:00;02")]
    [InlineData(3597, "00:01:59;29")]
    [InlineData(3598, "00:02:00;02")]
    [InlineData(17981, "00:09:59;29")]
    [InlineData(17982, "00:10:00;00")]
    [InlineData(107892, "01:00:00;00")]
    public void Drop_frame_at_29_97_skips_two_labels_each_minute_but_every_tenth(long frame, string expected) =>
        Assert.Equal(expected, Timecode.FromFrames(frame, Ntsc));

    [Theory]
    [InlineData(3599, "00:00:59;59")]
    [InlineData(3600, "00:01:00;04")]
    [InlineData(35964, "00:10:00;00")]
    public void Drop_frame_at_59_94_skips_four_labels(long frame, string expected) =>
        Assert.Equal(expected, Timecode.FromFrames(frame, Ntsc60));

    [Theory]
    [InlineData(24000, 1001, 86400, "01:00:00:00")]
    [InlineData(25, 1, 90000, "01:00:00:00")]
    [InlineData(30, 1, 1799, "00:00:59:29")]
    [InlineData(50, 1, 51, "00:00:01:01")]
    public void Non_drop_rates_count_nominal_frames_per_second(int numerator, int denominator, long frame, string expected) =>
        Assert.Equal(expected, Timecode.FromFrames(frame, new FrameRate(numerator, denominator)));

    [Theory]
    [InlineData(24000, 1001)]
    [InlineData(25, 1)]
    [InlineData(30000, 1001)]
    [InlineData(30, 1)]
    [InlineData(50, 1)]
    [InlineData(60000, 1001)]
    public void Every_frame_round_trips_through_timecode(int numerator, int denominator)
    {
        var rate = new FrameRate(numerator, denominator);
        for (long frame = 0; frame < 200_000; frame += 7)
        {
            Assert.Equal(frame, Timecode.ToFrames(Timecode.FromFrames(frame, rate), rate));
        }
    }

    [Theory]
    [InlineData(23.976, 24000, 1001)]
    [InlineData(29.97003, 30000, 1001)]
    [InlineData(59.94, 60000, 1001)]
    [InlineData(25.0, 25, 1)]
    [InlineData(12.5, 12500, 1000)]
    public void Measured_rates_map_to_exact_ratios(double fps, int numerator, int denominator) =>
        Assert.Equal(new FrameRate(numerator, denominator), FrameRate.FromMeasured(fps));

    [Theory]
    [InlineData(30000, 1001, 664, "83083/3750s")]
    [InlineData(25, 1, 50, "2s")]
    [InlineData(25, 1, 51, "51/25s")]
    public void Rational_seconds_are_exact_and_reduced(int numerator, int denominator, long frames, string expected) =>
        Assert.Equal(expected, new FrameRate(numerator, denominator).RationalSeconds(frames));
}
