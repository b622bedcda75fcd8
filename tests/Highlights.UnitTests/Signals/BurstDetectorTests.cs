using Highlights.Grains.Audio;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Audio;
using static Highlights.UnitTests.Signals.SyntheticAudio;

namespace Highlights.UnitTests.Signals;

public sealed class BurstDetectorTests
{
    private static float[] Momentary(float[] samples)
    {
        var analyzer = new LoudnessAnalyzer(Rate);
        analyzer.Process(samples);
        return analyzer.Finish().MomentaryLufs;
    }

    [Fact]
    public void A_loud_burst_over_quiet_speech_level_is_found_where_it_starts_and_ends()
    {
        var samples = Concat(Sine(0.02, 5, 220), Noise(0.5, 2), Sine(0.02, 4, 220));

        var burst = Assert.Single(BurstDetector.Find(Momentary(samples), 0.1));

        Assert.Equal(SignalEventTypes.LoudnessBurst, burst.Type);
        Assert.InRange(burst.Start, 5.0, 5.15);
        Assert.InRange(burst.End, 7.0, 7.5);
        Assert.InRange(burst.Peak, burst.Start, burst.End);
        Assert.Equal(1, burst.Strength);
    }

    [Fact]
    public void A_steady_level_has_no_burst_however_loud()
    {
        Assert.Empty(BurstDetector.Find(Momentary(Noise(0.7, 8)), 0.1));
    }

    [Fact]
    public void A_faint_click_in_silence_is_not_a_burst()
    {
        var samples = Concat(Silence(3), Sine(0.002, 0.3), Silence(3));

        Assert.Empty(BurstDetector.Find(Momentary(samples), 0.1));
    }

    [Fact]
    public void Two_separate_bursts_are_two_events()
    {
        var quiet = Sine(0.02, 4, 220);
        var samples = Concat(quiet, Noise(0.5, 1), quiet, Noise(0.5, 1), quiet);

        var bursts = BurstDetector.Find(Momentary(samples), 0.1);

        Assert.Equal(2, bursts.Count);
        Assert.InRange(bursts[0].Start, 4.0, 4.15);
        Assert.InRange(bursts[1].Start, 9.0, 9.15);
    }
}
