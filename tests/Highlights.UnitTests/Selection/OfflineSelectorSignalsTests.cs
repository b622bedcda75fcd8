using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Selection;

/// <summary>How the signals stage's audio excitement and visual reaction enter the offline score.</summary>
public sealed class OfflineSelectorSignalsTests
{
    private static readonly OfflineSelectorSettings Settings = new() { Version = "test", Lexicon = new Dictionary<string, double>() };

    /// <summary>Six ten-second cues with the same words: only the signals can tell them apart.</summary>
    private static readonly Cue[] Cues = [.. Enumerable.Range(0, 6).Select(i => new Cue(i * 10, (i * 10) + 10, "people talk about the weather today"))];

    /// <summary>Loudness 0.5 everywhere: plain energy cannot tell the cues apart either.</summary>
    private static readonly EnergySeries FlatEnergy = new(true, 0.1, new float[600], new float[600], Enumerable.Repeat(0.5f, 600).ToArray());

    /// <summary>120 half-second steps; the given spans are 1, the rest 0.1.</summary>
    private static float[] Steps(params (double Start, double End)[] high) =>
        [.. Enumerable.Range(0, 120).Select(i => high.Any(h => i * 0.5 >= h.Start && i * 0.5 < h.End) ? 1f : 0.1f)];

    private static SignalsDocument Document(float[] excitement, float[] reaction, bool hasAudio = true, int frames = 240, IReadOnlyList<SignalEvent>? events = null) =>
        new(
            SignalsDocument.CurrentVersion,
            "v",
            60,
            0.5,
            120,
            new SignalInputs(hasAudio, HasTranscript: true, frames, 4, 2, 320, 180),
            new SignalSeries(Steps(), excitement, null, Steps(), Steps(), Steps(), Steps(), Steps(), reaction),
            new SignalScales(1, 1, 1, 1, 1),
            events ?? []);

    private static SelectionInput Input(SignalsDocument document) =>
        new(60, Cues, FlatEnergy, 10) { Signals = SelectionSignals.From(document) };

    [Fact]
    public void The_window_with_the_strongest_visual_reaction_wins_when_everything_else_is_equal()
    {
        var segment = Assert.Single(new OfflineSelector(Settings).Select(Input(Document(Steps(), Steps((30, 40))))).Segments);

        Assert.Equal((30.0, 40.0), (segment.Start, segment.End));
        Assert.Contains("visual reaction 1.00", segment.Reasons);
    }

    [Fact]
    public void With_signals_the_audio_term_is_excitement_not_plain_loudness()
    {
        var segment = Assert.Single(new OfflineSelector(Settings).Select(Input(Document(Steps((10, 20)), Steps()))).Segments);

        Assert.Equal((10.0, 20.0), (segment.Start, segment.End));
        Assert.Contains("audio excitement 1.00", segment.Reasons);
        Assert.DoesNotContain(segment.Reasons, r => r.StartsWith("audio energy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_visual_and_agreement_terms_join_the_weighted_geometric_mean()
    {
        var signals = SelectionSignals.From(Document(Steps((0, 10)), Steps((0, 5))));

        var scored = new CandidateScorer(Settings).Score(new Candidate(0, 10, "people talk"), signals, hasTranscript: true);

        // Terms: keywords 0 (floor 0.2), audio 1.0 (floor 0.2), visual mean(1, 0.1) = 0.55 (floor 0.2), agreement the
        // mean of √(audio·visual) per step, half the steps √1 and half √0.1 (floor 0.2); equal weights.
        var agreement = (1 + Math.Sqrt(0.1)) / 2;
        Assert.Equal(0.55, scored.Signals.Visual!.Value, 6);
        Assert.Equal(agreement, scored.Signals.Agreement!.Value, 6);
        Assert.Equal(Math.Exp((Math.Log(0.2) + Math.Log(1.2) + Math.Log(0.75) + Math.Log(0.2 + agreement)) / 4), scored.Score, 6);
    }

    [Fact]
    public void Without_frames_the_visual_term_is_left_out()
    {
        var signals = SelectionSignals.From(Document(Steps((10, 20)), Steps((30, 40)), frames: 0));
        var segment = Assert.Single(new OfflineSelector(Settings).Select(new SelectionInput(60, Cues, FlatEnergy, 10) { Signals = signals }).Segments);

        Assert.Null(signals.Visual);
        Assert.Equal((10.0, 20.0), (segment.Start, segment.End));
        Assert.DoesNotContain(segment.Reasons, r => r.StartsWith("visual", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_audio_the_audio_term_is_left_out()
    {
        var signals = SelectionSignals.From(Document(Steps((10, 20)), Steps((30, 40)), hasAudio: false));

        Assert.Null(signals.Audio);
        Assert.Equal("visual reaction", signals.Visual!.Name);
    }

    [Fact]
    public void Without_a_transcript_a_window_trimmed_into_a_gap_is_scored_over_the_part_kept()
    {
        // Three moments whose 4 s windows beat the 10 s fixed windows over them, leaving gaps no whole window fits.
        (double Start, double End)[] moments = [(12, 14), (31, 33), (47, 49)];
        var excitement = Steps(moments);
        var events = moments.Select(m => new SignalEvent(SignalEventTypes.ExcitementPeak, m.Start, m.End, m.Start + 1, 1)).ToList();
        var input = new SelectionInput(60, [], FlatEnergy, 50) { Signals = SelectionSignals.From(Document(excitement, Steps(), events: events)) };

        var segments = new OfflineSelector(Settings).Select(input).Segments;

        var trimmed = segments.Where(s => s.Reasons.Contains($"start: {TargetFitter.TrimmedToGap}")).ToList();
        Assert.NotEmpty(trimmed);
        Assert.All(trimmed, s =>
        {
            var kept = excitement.Where((_, i) => i * 0.5 >= s.Start - 1e-9 && i * 0.5 < s.End - 1e-9).Average();
            Assert.Contains(FormattableString.Invariant($"audio excitement {kept:0.00}"), s.Reasons);
        });
        // Filled to within one shortest clip (4 s) of the target: only gaps shorter than that stay empty.
        Assert.InRange(segments.Sum(s => s.End - s.Start), 46, 50);
    }
}
