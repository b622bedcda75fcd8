namespace Highlights.Silo.Metrics;

/// <param name="VideosByState">Videos per state (pending, running, completed, failed, cancelled, budget_exceeded), zeros included.</param>
/// <param name="Depth">Videos due to run that no live silo holds: waiting for a worker.</param>
/// <param name="OldestQueuedAge">How long the longest-waiting of those has been due; zero when none waits.</param>
public sealed record QueueSnapshot(IReadOnlyDictionary<string, long> VideosByState, long Depth, TimeSpan OldestQueuedAge);
