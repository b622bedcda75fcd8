using Highlights.Grains.Captions;
using Highlights.Grains.Selection;

namespace Highlights.UnitTests.Selection;

public sealed class CandidateWindowsTests
{
    private static readonly Cue[] Cues =
    [
        new(0, 3, "a"),
        new(3, 6, "b"),
        new(6, 12, "c"),
        new(12, 30, "d"),
    ];

    /// <summary>A run of cues: both edges say they are cue boundaries.</summary>
    private static Candidate Run(double start, double end, string text) =>
        new(start, end, text) { StartFrom = CandidateWindows.CueBoundary, EndFrom = CandidateWindows.CueBoundary };

    private static Candidate FixedWindow(double start, double end) =>
        new(start, end, string.Empty) { StartFrom = CandidateWindows.FixedWindow, EndFrom = CandidateWindows.FixedWindow };

    [Fact]
    public void Runs_of_consecutive_cues_within_the_length_bounds_become_candidates()
    {
        var candidates = CandidateWindows.FromCues(Cues, minSeconds: 4, maxSeconds: 20);

        Assert.Equal(
            [
                Run(0, 3, "a"),
                Run(0, 6, "a b"),
                Run(0, 12, "a b c"),
                Run(3, 6, "b"),
                Run(3, 12, "b c"),
                Run(6, 12, "c"),
                Run(12, 30, "d"),
            ],
            candidates);
    }

    [Fact]
    public void Every_candidate_starts_on_a_cue_start_and_ends_on_a_cue_end()
    {
        var cues = Enumerable.Range(0, 30).Select(i => new Cue(i * 2.5, (i * 2.5) + 2.1, $"cue {i}")).ToArray();

        var candidates = CandidateWindows.FromCues(cues, minSeconds: 4, maxSeconds: 12);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            Assert.Contains(c.Start, cues.Select(q => q.Start));
            Assert.Contains(c.End, cues.Select(q => q.End));
            Assert.True(c.Duration <= 12, $"{c} is longer than the maximum");
        });
    }

    [Fact]
    public void Multi_cue_runs_shorter_than_the_minimum_are_not_candidates()
    {
        var candidates = CandidateWindows.FromCues([new(0, 1, "x"), new(1, 2, "y"), new(2, 3, "z")], minSeconds: 2.5, maxSeconds: 10);

        Assert.DoesNotContain(candidates, c => c.Text == "x y");
        Assert.Contains(Run(0, 3, "x y z"), candidates);
    }

    [Fact]
    public void Dense_overlapping_cues_give_candidates_linear_in_their_number_with_capped_text()
    {
        // Every cue overlaps every other: each run of cues is within the length bounds, so all n^2/2 runs qualify.
        var cues = Enumerable.Range(0, 300).Select(i => new Cue(i * 0.01, (i * 0.01) + 5, $"word{i}")).ToArray();
        var limits = CandidateLimits.Default;

        var candidates = CandidateWindows.FromCues(cues, minSeconds: 4, maxSeconds: 20);

        Assert.InRange(candidates.Count, cues.Length, cues.Length * limits.MaxCuesPerCandidate);
        Assert.All(candidates, c => Assert.InRange(c.Text.Length, 1, limits.MaxTextChars));
    }

    [Fact]
    public void The_candidate_cap_spreads_each_start_over_its_lengths_keeping_the_longest()
    {
        var cues = Enumerable.Range(0, 100).Select(i => new Cue(i * 0.1, (i * 0.1) + 5, $"w{i}")).ToArray();
        var limits = new CandidateLimits { MaxCandidates = 300, MaxCuesPerCandidate = 32, MaxTextChars = 40 };

        var candidates = CandidateWindows.FromCues(cues, minSeconds: 4, maxSeconds: 20, limits);

        Assert.InRange(candidates.Count, cues.Length, limits.MaxCandidates);
        Assert.All(candidates, c => Assert.True(c.Text.Length <= 40, c.Text));
        var first = candidates.Where(c => c.Start == 0).ToList();
        Assert.Equal(3, first.Count);
        Assert.Equal(cues[31].End, first[^1].End);
    }

    [Fact]
    public void Building_candidates_stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => CandidateWindows.FromCues(Cues, 4, 20, cancellationToken: cancelled.Token));
    }

    [Fact]
    public void No_cues_give_no_candidates()
    {
        Assert.Empty(CandidateWindows.FromCues([], 4, 20));
    }

    [Fact]
    public void Fixed_windows_overlap_by_half_and_cover_an_exact_multiple()
    {
        var windows = CandidateWindows.Fixed(35, 10);

        Assert.Equal([0.0, 5, 10, 15, 20, 25], windows.Select(w => w.Start));
        Assert.All(windows, w => Assert.Equal(10, w.Duration));
        Assert.Equal(35, windows[^1].End);
    }

    [Fact]
    public void Fixed_windows_end_with_one_ending_exactly_at_the_duration()
    {
        var windows = CandidateWindows.Fixed(32, 10);

        Assert.Equal(FixedWindow(22, 32), windows[^1]);
        Assert.Equal([0.0, 5, 10, 15, 20, 22], windows.Select(w => w.Start));
    }

    [Fact]
    public void A_video_shorter_than_a_window_is_one_candidate()
    {
        Assert.Equal([FixedWindow(0, 8)], CandidateWindows.Fixed(8, 10));
    }
}
