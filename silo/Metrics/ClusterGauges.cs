using Prometheus;

namespace Highlights.Silo.Metrics;

/// <summary>
/// The queue gauges of one silo, in its own registry, set from an <see cref="IQueueObserver"/> just before each
/// collection. A queue that could not be read takes its series off the page rather than leaving stale figures there.
/// </summary>
public sealed class ClusterGauges
{
    private readonly IQueueObserver observer;
    private readonly Gauge videos;
    private readonly Gauge depth;
    private readonly Gauge oldestAge;

    public ClusterGauges(CollectorRegistry registry, IQueueObserver observer)
    {
        this.observer = observer;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        var unread = new GaugeConfiguration { SuppressInitialValue = true };
        videos = factory.CreateGauge(
            "highlights_videos",
            "Videos in the cluster by state (every silo reports the same figures: aggregate with max, not sum).",
            new GaugeConfiguration { LabelNames = ["state"], SuppressInitialValue = true });
        depth = factory.CreateGauge("highlights_queue_depth", "Videos due to run that no silo holds yet.", unread);
        oldestAge = factory.CreateGauge(
            "highlights_queue_oldest_age_seconds", "How long the longest-waiting video has been due without a silo taking it.", unread);
        registry.AddBeforeCollectCallback(RefreshAsync);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await observer.RefreshAsync(cancellationToken);
        if (observer.Current is not { } queue)
        {
            foreach (var labels in videos.GetAllLabelValues())
            {
                videos.WithLabels(labels).Unpublish();
            }

            depth.Unpublish();
            oldestAge.Unpublish();
            return;
        }

        foreach (var (state, count) in queue.VideosByState)
        {
            videos.WithLabels(state).Set(count);
        }

        depth.Set(queue.Depth);
        oldestAge.Set(queue.OldestQueuedAge.TotalSeconds);
    }
}
