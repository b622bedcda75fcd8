using Highlights.Silo.Cluster;

namespace Highlights.UnitTests.Cluster;

public sealed class ReleasePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ClusterOptions Options = new() { MaxAttempts = 3, RetryBackoff = TimeSpan.FromSeconds(30), RetryBackoffMax = TimeSpan.FromMinutes(2) };

    [Fact]
    public void A_failure_with_attempts_left_is_queued_again_after_a_doubling_backoff()
    {
        var first = ReleasePolicy.After(RunOutcome.Failed, 1, "boom", Options, Now)!;
        var second = ReleasePolicy.After(RunOutcome.Failed, 2, "boom", Options, Now)!;

        Assert.True(first.Queued);
        Assert.Equal(Now.AddSeconds(30), first.NotBefore);
        Assert.Equal(Now.AddSeconds(60), second.NotBefore);
        Assert.Equal("boom", second.LastError);
    }

    [Fact]
    public void The_last_allowed_failure_leaves_the_video_failed()
    {
        Assert.False(ReleasePolicy.After(RunOutcome.Failed, 3, "boom", Options, Now)!.Queued);
    }

    [Theory]
    [InlineData(RunOutcome.Completed)]
    [InlineData(RunOutcome.Rejected)]
    [InlineData(RunOutcome.Cancelled)]
    [InlineData(RunOutcome.BudgetExceeded)]
    public void Finished_rejected_cancelled_and_budget_stopped_videos_leave_the_queue(RunOutcome outcome)
    {
        var release = ReleasePolicy.After(outcome, 1, null, Options, Now)!;
        Assert.False(release.Queued);
        Assert.False(release.Interrupted);
    }

    [Fact]
    public void A_shutdown_hands_the_video_back_at_once_as_interrupted()
    {
        var release = ReleasePolicy.After(RunOutcome.Interrupted, 1, null, Options, Now)!;
        Assert.True(release.Queued);
        Assert.True(release.Interrupted);
        Assert.Equal(Now, release.NotBefore);
    }

    [Fact]
    public void A_lost_lease_releases_nothing()
    {
        Assert.Null(ReleasePolicy.After(RunOutcome.LeaseLost, 1, null, Options, Now));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 120)]
    [InlineData(1000, 120)]
    public void Backoff_doubles_up_to_its_cap(int tries, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.Delay(tries, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)));
    }
}
