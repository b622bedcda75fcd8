using System.Diagnostics.Metrics;
using Highlights.Grains.Telemetry;

namespace Highlights.Silo.Metrics;

/// <summary>What the work queue looks like right now; read at scrape time from wherever videos are kept.</summary>
public interface IQueueObserver
{
    /// <summary>Videos per state (queued, running, completed, failed, cancelled, budget_exceeded...).</summary>
    IReadOnlyDictionary<string, long> VideosByState();

    long QueueDepth();

    /// <summary>Age of the oldest video still waiting for a worker; zero when none waits.</summary>
    TimeSpan OldestQueuedAge();
}

/// <summary>Registers the queue gauges once per process against an <see cref="IQueueObserver"/>.</summary>
public static class ClusterGauges
{
    public static void Register(IQueueObserver observer)
    {
        HighlightsMetrics.Gauge("highlights.videos", "{video}", "Videos by state.", () =>
            observer.VideosByState().Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key))));
        HighlightsMetrics.Gauge<long>("highlights.queue.depth", "{video}", "Videos waiting for a worker.", () =>
            [new Measurement<long>(observer.QueueDepth())]);
        HighlightsMetrics.Gauge<double>("highlights.queue.oldest_age", "s", "Age of the oldest video waiting for a worker.", () =>
            [new Measurement<double>(observer.OldestQueuedAge().TotalSeconds)]);
    }
}
