using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Selection;

/// <summary>How the signals stage's audio excitement and visual reaction enter the offline score.</summary>
public sealed class OfflineSelectorSignalsTests
{
    private static readonly OfflineSelector Selector = new(new OfflineSelectorSettings { Version = "test", Lexicon = new Dictionary<string, double>() });

    /// <summary>Six ten-second cues with the same words: only the signals can tell them apart.</summary>
    private static readonly Cue[] Cues = [.. Enumerable.Range(0, 6).Select(i => new Cue(i * 10, (i * 10) + 10, "people talk about the weather today"))];

    /// <summary>Loudness 0.5 everywhere: plain energy cannot tell the cues apart either.</summary>
    private static readonly EnergySeries FlatEnergy = new(true, 0.1, new float[600], new float[600], Enumerable.Repeat(0.5f, 600).ToArray());

    /// <summary>120 half-second steps; the given spans are 1, the rest 0.1.</summary>
    private static float[] Steps(params (double Start, double End)[] high) =>
        [.. Enumerable.Range(0, 120).Select(i => high.Any(h => i * 0.5 >= h.Start && i * 0.5 < h.End) ? 1f : 0.1f)];

    private static SignalTimeline Timeline(float[] excitement, float[] reaction, bool hasAudio = true, bool hasFrames = true) =>
        new(0.5, new SignalSeries(Steps(), excitement, null, Steps(), Steps(), Steps(), Steps(), Steps(), reaction), hasAudio, hasFrames);

    [Fact]
    public void The_window_with_the_strongest_visual_reaction_wins_when_everything_else_is_equal()
    {
        var input = new SelectionInput(60, Cues, FlatEnergy, 10, Timeline(Steps(), Steps((30, 40))));

        var segment = Assert.Single(Selector.Select(input).Segments);

        Assert.Equal((30.0, 40.0), (segment.Start, segment.End));
        Assert.Contains("visual reaction 1.00", segment.Reasons);
    }

    [Fact]
    public void With_signals_the_audio_factor_is_excitement_not_plain_loudness()
    {
        var input = new SelectionInput(60, Cues, FlatEnergy, 10, Timeline(Steps((10, 20)), Steps()));

        var segment = Assert.Single(Selector.Select(input).Segments);

        Assert.Equal((10.0, 20.0), (segment.Start, segment.End));
        Assert.Contains("audio excitement 1.00", segment.Reasons);
        Assert.DoesNotContain(segment.Reasons, r => r.StartsWith("audio energy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_score_multiplies_the_visual_factor_into_the_audio_and_keyword_factors()
    {
        var settings = new OfflineSelectorSettings { Version = "t", KeywordFloor = 0.2, EnergyFloor = 0.2, VisualFloor = 0.5, Lexicon = new Dictionary<string, double>() };
        var input = new SelectionInput(60, Cues, FlatEnergy, 10, Timeline(Steps((0, 10)), Steps((0, 5))));

        var scored = new OfflineSelector(settings).Score(new Candidate(0, 10, "people talk"), input, hasTranscript: true, hasEnergy: true);

        // keyword factor 0.2 (no keywords), audio 0.2 + 1.0, visual 0.5 + mean(1, 0.1) = 1.05.
        Assert.Equal(0.2 * 1.2 * 1.05, scored.Score, 6);
        Assert.Equal(0.55, scored.VisualReaction, 6);
    }

    [Fact]
    public void Without_frames_the_visual_factor_is_left_out()
    {
        var input = new SelectionInput(60, Cues, FlatEnergy, 10, Timeline(Steps((10, 20)), Steps((30, 40)), hasFrames: false));

        var segment = Assert.Single(Selector.Select(input).Segments);

        Assert.Equal((10.0, 20.0), (segment.Start, segment.End));
        Assert.DoesNotContain(segment.Reasons, r => r.StartsWith("visual", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negative_visual_floor_is_a_settings_error()
    {
        var errors = new OfflineSelectorSettings { Version = "t", VisualFloor = -0.1 }.Validate();

        Assert.Contains(errors, e => e.StartsWith("visual_floor", StringComparison.Ordinal));
    }
}
