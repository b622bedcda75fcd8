namespace Highlights.Silo.Cluster;

/// <summary>A tenant already has as many videos queued or running as <c>Api:MaxWaitingPerTenant</c> allows.</summary>
public sealed class WaitingCapReachedException(long waiting) : Exception($"{waiting} videos are already waiting")
{
    public long Waiting { get; } = waiting;
}
