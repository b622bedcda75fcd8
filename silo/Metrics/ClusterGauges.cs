using System.Diagnostics.Metrics;
using Highlights.Grains.Telemetry;

namespace Highlights.Silo.Metrics;

/// <summary>
/// The queue gauges of one silo, read at scrape time from an <see cref="IQueueObserver"/>. Their meter comes from the
/// host's <see cref="IMeterFactory"/>, so it is scoped to the host (only its own <see cref="MetricsCollector"/> sees
/// them) and disposed with it; another host in the same process registers its own.
/// </summary>
public sealed class ClusterGauges
{
    public ClusterGauges(IMeterFactory meters, IQueueObserver observer)
    {
        var meter = meters.Create(HighlightsMetrics.MeterName);
        meter.CreateObservableGauge(
            "highlights.videos",
            () => observer.Current is { } queue
                ? queue.VideosByState.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key)))
                : [],
            "{video}",
            "Videos in the cluster by state (every silo reports the same figures: aggregate with max, not sum).");
        meter.CreateObservableGauge(
            "highlights.queue.depth",
            () => observer.Current is { } queue ? [new Measurement<long>(queue.Depth)] : Array.Empty<Measurement<long>>(),
            "{video}",
            "Videos due to run that no silo holds yet.");
        meter.CreateObservableGauge(
            "highlights.queue.oldest_age",
            () => observer.Current is { } queue ? [new Measurement<double>(queue.OldestQueuedAge.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "How long the longest-waiting video has been due without a silo taking it.");
    }
}
