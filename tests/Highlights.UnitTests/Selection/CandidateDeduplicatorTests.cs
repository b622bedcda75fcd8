using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class CandidateDeduplicatorTests
{
    private static ScoredCandidate S(double start, double end, double score) =>
        new(new Candidate(start, end, $"{start}-{end}"), score, new SignalScores(score, null, null, null), 0, []);

    [Fact]
    public void Of_two_picks_sharing_half_of_the_shorter_the_better_is_kept()
    {
        ScoredCandidate[] picks = [S(100, 110, 0.6), S(104, 112, 0.8), S(200, 210, 0.5)];

        var kept = CandidateDeduplicator.Deduplicate(picks, 0.5);

        Assert.Equal([(104.0, 112.0), (200.0, 210.0)], kept.Select(k => (k.Window.Start, k.Window.End)));
    }

    [Fact]
    public void Picks_that_only_touch_or_overlap_a_little_are_both_kept()
    {
        ScoredCandidate[] picks = [S(100, 110, 0.6), S(110, 120, 0.8), S(118, 140, 0.7)];

        var kept = CandidateDeduplicator.Deduplicate(picks, 0.5);

        Assert.Equal(3, kept.Count);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_input_and_ties_keep_the_earlier()
    {
        ScoredCandidate[] picks = [S(50, 60, 0.7), S(52, 61, 0.7), S(10, 20, 0.9), S(12, 19, 0.4), S(30, 31, 0.1)];

        var forward = CandidateDeduplicator.Deduplicate(picks, 0.5);
        var backward = CandidateDeduplicator.Deduplicate(picks.Reverse(), 0.5);

        Assert.Equal(forward, backward);
        Assert.Equal([(10.0, 20.0), (30.0, 31.0), (50.0, 60.0)], forward.Select(k => (k.Window.Start, k.Window.End)));
    }

    [Theory]
    [InlineData(0, 10, 5, 15, 0.5)]
    [InlineData(0, 10, 2, 4, 1.0)]
    [InlineData(0, 10, 10, 20, 0.0)]
    [InlineData(0, 10, 20, 30, 0.0)]
    public void The_shared_fraction_is_the_overlap_over_the_shorter(double a0, double a1, double b0, double b1, double expected)
    {
        Assert.Equal(expected, CandidateDeduplicator.SharedFraction(new Candidate(a0, a1, ""), new Candidate(b0, b1, "")), 12);
    }
}
