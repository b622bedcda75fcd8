using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;

namespace Highlights.UnitTests.Selection;

/// <summary>
/// Selection that follows the moment: a roar with a moving face inside long, even cues, next to a louder voice over a
/// still picture. Events come from <see cref="PeakFinder"/> over the series, as the signals stage makes them.
/// </summary>
public sealed class SignalEdgeSelectionTests
{
    private const double RoarFrom = 22, RoarTo = 28, LoudFrom = 12, LoudTo = 18;

    private static readonly OfflineSelectorSettings Settings = new() { Version = "test", Lexicon = new Dictionary<string, double>() };

    private static readonly Cue[] Cues = [.. Enumerable.Range(0, 4).Select(i => new Cue(i * 10, (i * 10) + 10, "we go on talking about the plan in an even voice"))];

    /// <summary>A breath every 0.8 s (0.2 s of silence), also under the roar, which the audio cannot show there.</summary>
    private static readonly EnergySeries Energy = MakeEnergy();

    private static float[] Series(Func<double, float> at) => [.. Enumerable.Range(0, 80).Select(i => at(i * 0.5))];

    private static bool In(double t, double from, double to) => t >= from - 1e-9 && t < to - 1e-9;

    private static EnergySeries MakeEnergy()
    {
        var rms = Enumerable.Range(0, 400).Select(i =>
        {
            var t = i * 0.1;
            var breath = t % 0.8 >= 0.6 - 1e-9;
            return In(t, RoarFrom, RoarTo) ? -8f : breath ? -90f : In(t, LoudFrom, LoudTo) ? -10f : -20f;
        }).ToArray();
        return new EnergySeries(true, 0.1, rms, rms, new float[400]);
    }

    private static SelectionInput Input(float[] excitement, float[] reaction, double target, IReadOnlyList<SignalEvent>? events = null)
    {
        events ??= [.. PeakFinder.Find(excitement, 0.5, SignalEventTypes.ExcitementPeak), .. PeakFinder.Find(reaction, 0.5, SignalEventTypes.ReactionPeak)];
        var document = new SignalsDocument(
            SignalsDocument.CurrentVersion, "v", 40, 0.5, 80,
            new SignalInputs(true, true, 160, 4, 2, 320, 180),
            new SignalSeries(new float[80], excitement, null, new float[80], new float[80], new float[80], new float[80], new float[80], reaction),
            new SignalScales(1, 1, 1, 1, 1),
            events);
        return new SelectionInput(40, Cues, Energy, target) { Signals = SelectionSignals.From(document), FrameRate = 25 };
    }

    private static readonly float[] RoarAndLoudVoice = Series(t => In(t, RoarFrom, RoarTo) ? 1f : In(t, LoudFrom, LoudTo) ? 0.5f : 0.3f);

    private static readonly float[] MovingFace = Series(t => In(t, RoarFrom + 0.5, RoarTo) ? 0.9f : 0.1f);

    [Fact]
    public void The_roar_with_a_moving_face_is_covered_almost_whole_with_little_outside_it()
    {
        var segment = Assert.Single(new OfflineSelector(Settings).Select(Input(RoarAndLoudVoice, MovingFace, target: 8)).Segments);

        var inside = Math.Min(segment.End, RoarTo) - Math.Max(segment.Start, RoarFrom);
        Assert.True(inside / (RoarTo - RoarFrom) >= 0.9, $"{segment.Start}-{segment.End} covers {inside:0.00} s of the roar");
        Assert.True(segment.End - segment.Start - inside <= 1, $"{segment.Start}-{segment.End} spends {segment.End - segment.Start - inside:0.00} s outside it");
        var reasons = string.Join(" | ", segment.Reasons);
        Assert.True(segment.Reasons.Any(r => r.StartsWith("start: audio excitement rise at 22.0 s", StringComparison.Ordinal)), reasons);
        Assert.True(segment.Reasons.Any(r => r.StartsWith("end: ", StringComparison.Ordinal) && r.Contains("fall at 28.0 s", StringComparison.Ordinal)), reasons);
    }

    [Fact]
    public void Without_the_signal_edges_the_same_roar_gets_its_whole_cue()
    {
        // The baseline the edges improve on: only cue runs, so the roar brings 4 s of calm with it.
        var segment = Assert.Single(new OfflineSelector(Settings).Select(Input(RoarAndLoudVoice, MovingFace, target: 8, events: [])).Segments);

        Assert.Equal((20.0, 30.0), (segment.Start, segment.End));
    }

    [Fact]
    public void Signal_edges_land_in_pauses_and_on_frames_never_inside_a_word()
    {
        var pauses = WordPauses.Find(Cues, Energy, 40);

        var segments = new OfflineSelector(Settings).Select(Input(RoarAndLoudVoice, MovingFace, target: 20)).Segments;

        Assert.NotEmpty(segments);
        foreach (var edge in segments.SelectMany(s => new[] { s.Start, s.End }))
        {
            Assert.Contains(pauses, p => edge >= p.Start - 1e-6 && edge <= p.End + 1e-6);
            Assert.Equal(Math.Round(edge * 25), edge * 25, 6);
        }
    }

    [Fact]
    public void A_louder_voice_over_a_still_picture_is_not_chosen_over_the_roar()
    {
        // The louder stretch is a moment of its own here (its excitement alone marks it), and a slide change in it
        // gives the picture a one-step spike.
        var loudMoment = new SignalEvent(SignalEventTypes.ExcitementPeak, LoudFrom, LoudTo, 15, 0.5);
        var reaction = Series(t => In(t, 15, 15.5) ? 1f : MovingFace[(int)(t * 2)]);
        var input = Input(RoarAndLoudVoice, reaction, target: 8);
        input = input with { Signals = input.Signals with { Events = [.. input.Signals.Events, loudMoment] } };

        var segment = Assert.Single(new OfflineSelector(Settings).Select(input).Segments);

        Assert.True(segment.Start >= RoarFrom - 1 && segment.End <= RoarTo + 1, $"{segment.Start}-{segment.End}");
    }

    [Fact]
    public void A_cut_and_a_raised_voice_seconds_apart_lose_to_a_smaller_moment_sound_and_picture_share()
    {
        // Same means of sound (0.5) and picture (0.5) in the first window, but never in the same step; the second
        // is weaker on both (0.4) and marks the same steps.
        var audio = Series(t => In(t, 0, 4) ? 1f : In(t, 10, 18) ? 0.4f : 0f);
        var visual = Series(t => In(t, 4, 8) ? 1f : In(t, 10, 18) ? 0.4f : 0f);
        var input = Input(audio, visual, target: 8, events: []);
        var scorer = new CandidateScorer(Settings);

        var apart = scorer.Score(new Candidate(0, 8, "x"), input.Signals, hasTranscript: true);
        var shared = scorer.Score(new Candidate(10, 18, "x"), input.Signals, hasTranscript: true);

        Assert.Equal(0.5, apart.Signals.Audio!.Value, 6);
        Assert.Equal(0.5, apart.Signals.Visual!.Value, 6);
        Assert.Equal(0, apart.Signals.Agreement!.Value, 6);
        Assert.True(shared.Score > apart.Score, $"shared {shared.Score} vs apart {apart.Score}");
    }

    [Fact]
    public void Without_a_transcript_the_roar_still_sets_the_edges_on_frames()
    {
        var input = Input(RoarAndLoudVoice, MovingFace, target: 8) with { Cues = [], FrameRate = 30 };

        var segment = Assert.Single(new OfflineSelector(Settings).Select(input).Segments);

        // The face starts moving half a second into the roar: that rise is the better start here.
        Assert.Equal((RoarFrom + 0.5, RoarTo), (segment.Start, segment.End));
        Assert.Contains("start: visual reaction rise at 22.5 s, on a frame (no transcript)", segment.Reasons);
        Assert.Contains("end: audio excitement fall at 28.0 s, on a frame (no transcript)", segment.Reasons);
    }
}
