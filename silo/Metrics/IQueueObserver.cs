namespace Highlights.Silo.Metrics;

/// <summary>What the work queue looks like, read from wherever videos are kept for the queue gauges.</summary>
public interface IQueueObserver
{
    /// <summary>The last reading, or null when the queue could not be read: the gauges are then left out, not reported stale.</summary>
    QueueSnapshot? Current { get; }

    /// <summary>Reads the queue again unless the last reading is recent; <c>/metrics</c> calls it before each scrape.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
