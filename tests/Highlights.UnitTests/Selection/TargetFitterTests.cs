using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class TargetFitterTests
{
    private static ScoredCandidate S(double start, double end, double score) =>
        new(new Candidate(start, end, $"{start}-{end}"), score, new SignalScores(null, null, null, null), 0, []);

    private static List<(double, double)> Spans(IEnumerable<ScoredCandidate> picked) => [.. picked.Select(p => (p.Window.Start, p.Window.End))];

    [Fact]
    public void Overlapping_lower_scored_candidates_are_skipped()
    {
        var picked = TargetFitter.Fit([S(0, 10, 0.9), S(5, 15, 0.8), S(20, 30, 0.7)], targetSeconds: 30);

        Assert.Equal([(0.0, 10.0), (20.0, 30.0)], Spans(picked));
    }

    [Fact]
    public void A_candidate_that_would_overrun_the_target_is_skipped_for_a_shorter_one()
    {
        var picked = TargetFitter.Fit([S(0, 10, 0.9), S(20, 35, 0.8), S(40, 45, 0.5)], targetSeconds: 20);

        Assert.Equal([(0.0, 10.0), (40.0, 45.0)], Spans(picked));
    }

    [Fact]
    public void The_total_never_exceeds_the_target()
    {
        var candidates = Enumerable.Range(0, 40).Select(i => S(i * 7, (i * 7) + 3 + (i % 4), (i * 37 % 11) / 11.0)).ToList();

        var picked = TargetFitter.Fit(candidates, targetSeconds: 25);

        Assert.InRange(picked.Sum(p => p.Window.Duration), 20, 25);
    }

    [Fact]
    public void Equal_scores_prefer_the_earlier_start_whatever_the_input_order()
    {
        ScoredCandidate[] candidates = [S(50, 60, 0.5), S(10, 20, 0.5), S(30, 40, 0.5)];

        var forward = TargetFitter.Fit(candidates, targetSeconds: 10);
        var backward = TargetFitter.Fit(candidates.Reverse(), targetSeconds: 10);

        Assert.Equal([(10.0, 20.0)], Spans(forward));
        Assert.Equal(Spans(forward), Spans(backward));
    }

    [Fact]
    public void The_result_is_in_source_order_not_score_order()
    {
        var picked = TargetFitter.Fit([S(40, 45, 0.9), S(0, 5, 0.1), S(20, 25, 0.5)], targetSeconds: 60);

        Assert.Equal([0.0, 20, 40], picked.Select(p => p.Window.Start));
    }

    [Fact]
    public void When_every_candidate_is_longer_than_the_target_the_best_one_is_taken_alone()
    {
        var picked = TargetFitter.Fit([S(0, 30, 0.4), S(40, 80, 0.9), S(100, 125, 0.6)], targetSeconds: 20);

        Assert.Equal([(40.0, 80.0)], Spans(picked));
    }

    [Fact]
    public void No_candidates_give_an_empty_result()
    {
        Assert.Empty(TargetFitter.Fit([], 60));
    }

    [Fact]
    public void Candidates_that_merely_touch_are_not_overlapping()
    {
        var picked = TargetFitter.Fit([S(0, 10, 0.9), S(10, 20, 0.8)], targetSeconds: 20);

        Assert.Equal([(0.0, 10.0), (10.0, 20.0)], Spans(picked));
    }

    [Fact]
    public void Without_sentences_to_keep_whole_the_gaps_between_short_picks_are_filled_from_the_windows_passed_over()
    {
        // Moment windows of 4 s, 6 s apart, beat the 10 s windows that overlap them; without trimming the reel stops at 12 s.
        ScoredCandidate[] candidates = [S(0, 4, 0.9), S(10, 14, 0.9), S(20, 24, 0.9), S(0, 10, 0.5), S(10, 20, 0.4), S(20, 30, 0.3)];

        var whole = TargetFitter.Fit(candidates, targetSeconds: 25);
        var trimmed = TargetFitter.Fit(candidates, targetSeconds: 25, trimToGapsOf: 4);

        Assert.Equal([(0.0, 4.0), (10.0, 14.0), (20.0, 24.0)], Spans(whole));
        Assert.Equal([(0.0, 4.0), (4.0, 10.0), (10.0, 14.0), (14.0, 20.0), (20.0, 24.0)], Spans(trimmed));
        Assert.All(trimmed.Where(p => p.Window.Start is 4.0 or 14.0), p => Assert.Equal(TargetFitter.TrimmedToGap, p.Window.StartFrom));
    }

    [Fact]
    public void A_gap_shorter_than_the_shortest_clip_or_past_the_target_is_left_empty()
    {
        ScoredCandidate[] candidates = [S(0, 4, 0.9), S(7, 11, 0.9), S(20, 24, 0.9), S(0, 12, 0.5), S(11, 30, 0.4)];

        var trimmed = TargetFitter.Fit(candidates, targetSeconds: 17, trimToGapsOf: 4);

        // 4-7 is 3 s, too short; 11-20 is 9 s but only 5 s of target are left.
        Assert.Equal([(0.0, 4.0), (7.0, 11.0), (11.0, 16.0), (20.0, 24.0)], Spans(trimmed));
        Assert.Equal(17, trimmed.Sum(p => p.Window.Duration), 6);
    }
}
