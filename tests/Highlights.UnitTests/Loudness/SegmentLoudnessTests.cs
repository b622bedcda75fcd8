using Highlights.Grains.Audio;
using Highlights.Grains.Loudness;

namespace Highlights.UnitTests.Loudness;

public sealed class SegmentLoudnessTests
{
    internal static EnergySeries Series(params (int Windows, float Lufs)[] parts)
    {
        var momentary = parts.SelectMany(p => Enumerable.Repeat(p.Lufs, p.Windows)).ToArray();
        return new EnergySeries(true, 0.1, momentary, momentary, new float[momentary.Length]);
    }

    [Fact]
    public void A_steady_level_integrates_to_itself()
    {
        Assert.Equal(-20, SegmentLoudness.Integrated(Series((100, -20f)), 0, 10)!.Value, 3);
    }

    [Fact]
    public void Only_blocks_wholly_inside_the_span_count()
    {
        var series = Series((50, -30f), (50, -18f));

        // Blocks of [5, 10) lie in the loud half; the one closing at 5.3 s still reaches back before 5 s.
        Assert.Equal(-18, SegmentLoudness.Integrated(series, 5, 10)!.Value, 3);
        Assert.Equal(-30, SegmentLoudness.Integrated(series, 0, 5)!.Value, 3);
    }

    [Fact]
    public void Blocks_more_than_ten_lu_under_the_rest_are_gated_out()
    {
        var series = Series((50, -20f), (50, -45f));

        Assert.Equal(-20, SegmentLoudness.Integrated(series, 0, 10)!.Value, 3);
    }

    [Fact]
    public void Silence_and_missing_sound_have_no_loudness()
    {
        Assert.Null(SegmentLoudness.Integrated(Series((100, -120f)), 0, 10));
        Assert.Null(SegmentLoudness.Integrated(EnergySeries.None, 0, 10));
    }
}
