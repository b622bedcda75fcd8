using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class PickSelectorTests
{
    private static readonly OfflineSelectorSettings Settings = new()
    {
        Version = "pick-test/1",
        Lexicon = new Dictionary<string, double> { ["secret"] = 1 },
    };

    /// <summary>Twenty five-second cues; cue 15 holds a lexicon keyword.</summary>
    private static readonly Cue[] Cues = [.. Enumerable.Range(0, 20).Select(i => new Cue(i * 5, (i * 5) + 5, i == 15 ? "the secret is out" : $"plain line {i}"))];

    private static readonly SelectionInput Input = new(100, Cues, EnergySeries.None, TargetSeconds: 20);

    private static LlmPick Pick(int chunk, double start, double end, int score) => new(chunk, start, end, $"pick {start}", "hook", "reason", score, "quote");

    [Fact]
    public void The_same_moment_from_two_overlapping_chunks_is_kept_once_with_the_better_score()
    {
        LlmPick[] picks = [Pick(0, 20, 30, 60), Pick(1, 20, 30, 90), Pick(1, 50, 55, 40)];

        var segments = new PickSelector(Settings).Select(Input, picks, []);

        Assert.Equal([(20.0, 30.0), (50.0, 55.0)], segments.Select(s => (s.Start, s.End)));
        Assert.Equal(1, segments[0].Pick!.Chunk);
        Assert.Equal(0.9, segments[0].Signals!.Llm);
        Assert.Equal("plain line 4 plain line 5", segments[0].Text);
        Assert.StartsWith("LLM 90/100: pick 20: reason", segments[0].Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Picks_are_fitted_to_the_target_best_first_and_returned_in_time_order()
    {
        LlmPick[] picks = [Pick(0, 0, 10, 30), Pick(0, 40, 50, 95), Pick(0, 60, 70, 80), Pick(0, 80, 90, 20)];

        var segments = new PickSelector(Settings).Select(Input, picks, []);

        Assert.Equal([(40.0, 50.0), (60.0, 70.0)], segments.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void Offline_runs_add_windows_without_an_llm_term_that_compete_with_the_picks()
    {
        var segments = new PickSelector(Settings).Select(Input with { TargetSeconds = 15 }, [Pick(0, 0, 10, 10)], [(12, 19)]);

        var offline = Assert.Single(segments, s => s.Pick is null);
        Assert.Null(offline.Signals!.Llm);
        Assert.Contains("secret", offline.Text, StringComparison.Ordinal);
        Assert.InRange(offline.Start, Cues[12].Start, Cues[19].Start);
    }

    [Fact]
    public void A_pick_around_a_roar_is_cut_to_the_roar_and_keeps_its_llm_term()
    {
        // Excitement and reaction high from 32 to 38 s inside a 20 s pick; pauses are the cue boundaries every 5 s
        // and the silent breaths the energy shows every second.
        float[] Marked(double from, double to) => [.. Enumerable.Range(0, 200).Select(i => i * 0.5 >= from && i * 0.5 < to ? 1f : 0.1f)];
        var rms = Enumerable.Range(0, 1000).Select(i => i % 10 is 8 or 9 ? -90f : -20f).ToArray();
        var document = new Grains.Signals.SignalsDocument(
            Grains.Signals.SignalsDocument.CurrentVersion, "v", 100, 0.5, 200,
            new Grains.Signals.SignalInputs(true, true, 400, 4, 2, 320, 180),
            new Grains.Signals.SignalSeries(new float[200], Marked(32, 38), null, new float[200], new float[200], new float[200], new float[200], new float[200], Marked(32, 38)),
            new Grains.Signals.SignalScales(1, 1, 1, 1, 1),
            [new(Grains.Signals.SignalEventTypes.ExcitementPeak, 32, 38, 35, 1), new(Grains.Signals.SignalEventTypes.ReactionPeak, 32, 38, 35, 1)]);
        var input = new SelectionInput(100, Cues, new EnergySeries(true, 0.1, rms, rms, new float[1000]), TargetSeconds: 10)
        {
            Signals = SelectionSignals.From(document),
            FrameRate = 25,
        };

        var segment = Assert.Single(new PickSelector(Settings).Select(input, [Pick(0, 25, 45, 80)], []));

        Assert.InRange(segment.Start, 31, 33);
        Assert.InRange(segment.End, 37, 39);
        Assert.Equal(0.8, segment.Signals!.Llm);
        Assert.StartsWith("LLM 80/100", segment.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(segment.Reasons, r => r.StartsWith("start: audio excitement rise at 32.0 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pick_with_no_moment_in_it_says_its_edges_are_the_llms()
    {
        var segment = Assert.Single(new PickSelector(Settings).Select(Input, [Pick(0, 20, 30, 60)], []));

        Assert.Contains($"start: {PickSelector.PickEdge}", segment.Reasons);
        Assert.Contains($"end: {PickSelector.PickEdge}", segment.Reasons);
    }
}
