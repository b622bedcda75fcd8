using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Audio;

namespace Highlights.UnitTests.Signals;

public sealed class SilenceDetectorTests
{
    [Fact]
    public void Windows_far_below_the_typical_level_are_silent_even_above_the_absolute_gate()
    {
        float[] loudness = [-20, -21, -19, -60, -58, -20, -120, -22];

        Assert.Equal([false, false, false, true, true, false, true, false], SilenceDetector.Mark(loudness));
    }

    [Fact]
    public void A_quiet_but_steady_recording_is_not_silence()
    {
        Assert.All(SilenceDetector.Mark([-55, -54, -56, -55]), s => Assert.False(s));
    }

    [Fact]
    public void Only_runs_of_at_least_the_minimum_length_become_events()
    {
        var silent = Enumerable.Range(0, 60).Select(i => i is >= 10 and < 35 || i is >= 40 and < 45).ToArray();

        var span = Assert.Single(SilenceDetector.Spans(silent, 0.1, minimumSeconds: 2));

        Assert.Equal((1.0, 3.5), (span.Start, span.End));
        Assert.Equal(SignalEventTypes.Silence, span.Type);
    }
}
