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
}
