using Highlights.Grains.Edl;
using Highlights.Grains.Loudness;

namespace Highlights.UnitTests.Loudness;

public sealed class LoudnessPlannerTests
{
    // A source measured at -24 LUFS overall: a loud half at -21, a quiet half at -27 (per the energy series).
    private static readonly LoudnessMeasurement Measured = new(-24, -9, 6, -34, 0.2);
    private static readonly LoudnessSettings Settings = new(-16, -1.5, Measured);
    private static readonly Grains.Audio.EnergySeries Series = SegmentLoudnessTests.Series((100, -21f), (100, -27f));

    private static EdlSegment Segment(double start, double end) => new("s001", start, end, (long)(start * 30), (long)(end * 30), 1, [], string.Empty);

    private static readonly EdlSegment Loud = Segment(1, 9);
    private static readonly EdlSegment Quiet = Segment(11, 19);

    [Fact]
    public void Without_levelling_every_segment_gets_the_whole_sources_gain()
    {
        var plans = LoudnessPlanner.Plan(Settings, Series, [Loud, Quiet], levellingRangeLu: 0);

        Assert.All(plans, p => Assert.Equal(8, p.GainDb));
        Assert.Equal([-21.0, -27.0], plans.Select(p => p.MeasuredLufs!.Value));
    }

    [Fact]
    public void Levelling_brings_quiet_and_loud_parts_to_the_same_level()
    {
        var plans = LoudnessPlanner.Plan(Settings, Series, [Loud, Quiet], levellingRangeLu: 6);
        var whole = SegmentLoudness.Integrated(Series, 0, 20)!.Value;

        // Each segment's own level plus its gain lands on one value: no step between them.
        Assert.Equal(plans[0].MeasuredLufs!.Value + plans[0].GainDb, plans[1].MeasuredLufs!.Value + plans[1].GainDb, 1);
        Assert.Equal(8 + (whole - -21), plans[0].GainDb, 1);
    }

    [Fact]
    public void The_levelling_correction_is_bounded()
    {
        var plans = LoudnessPlanner.Plan(Settings, Series, [Quiet], levellingRangeLu: 1);

        Assert.Equal(9, plans[0].GainDb);
    }

    [Fact]
    public void A_silent_segment_takes_the_sources_gain()
    {
        var series = SegmentLoudnessTests.Series((100, -21f), (100, -120f));

        var plan = Assert.Single(LoudnessPlanner.Plan(Settings, series, [Quiet], levellingRangeLu: 6));

        Assert.Null(plan.MeasuredLufs);
        Assert.Equal(8, plan.GainDb);
    }

    [Theory]
    [InlineData(-9, 7.5, true)]
    [InlineData(-9, 7.6, false)]
    [InlineData(-0.5, 0, false)]
    public void Linear_mode_only_when_the_peak_stays_under_the_ceiling(double truePeak, double gain, bool linear)
    {
        Assert.Equal(linear, LoudnessPlanner.CanStayLinear(Measured with { TruePeakDbtp = truePeak }, gain, -1.5));
    }

    [Fact]
    public void An_incomplete_measurement_never_asks_for_linear_mode()
    {
        Assert.False(LoudnessPlanner.CanStayLinear(Measured with { RangeLu = 0 }, 0, -1.5));
        Assert.False(LoudnessPlanner.CanStayLinear(Measured with { ThresholdLufs = -70 }, 0, -1.5));
    }

    [Fact]
    public void The_filters_apply_the_planned_gain_in_either_mode()
    {
        var linear = LoudnessFilter.Chain(new EdlSegmentLoudness(-21, 5.5, LoudnessMode.Linear), Settings);
        var limited = LoudnessFilter.Chain(new EdlSegmentLoudness(-21, 5.5, LoudnessMode.Limited), Settings);

        // loudnorm's linear gain is I - measured_I: the measured value carries the correction.
        Assert.Equal("loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=-21.5:measured_TP=-9:measured_LRA=6:measured_thresh=-34:offset=0.2:linear=true", linear);
        Assert.StartsWith("volume=5.5dB:precision=double,alimiter=limit=0.74989:", limited, StringComparison.Ordinal);
        Assert.Contains("level=false:latency=true", limited, StringComparison.Ordinal);
    }
}
