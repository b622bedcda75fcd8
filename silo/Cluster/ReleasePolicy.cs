using Highlights.Grains.Actor;

namespace Highlights.Silo.Cluster;

/// <summary>Pure decision: after a run ends, does the video go back on the queue, and when.</summary>
public static class ReleasePolicy
{
    /// <returns>Null for <see cref="RunOutcome.LeaseLost"/>: the video is not this silo's to release.</returns>
    public static LeaseRelease? After(RunOutcome outcome, int tries, string? error, ClusterOptions options, DateTimeOffset now) => outcome switch
    {
        RunOutcome.Completed or RunOutcome.Rejected or RunOutcome.BudgetExceeded or RunOutcome.Cancelled => new LeaseRelease(false, now, error, Interrupted: false),
        RunOutcome.Interrupted => new LeaseRelease(true, now, null, Interrupted: true),
        RunOutcome.Failed when tries < options.MaxAttempts =>
            new LeaseRelease(true, now + RetryBackoff.Delay(tries, options.RetryBackoff, options.RetryBackoffMax), error, Interrupted: false),
        RunOutcome.Failed => new LeaseRelease(false, now, error, Interrupted: false),
        RunOutcome.LeaseLost => null,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
