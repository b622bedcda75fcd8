using System.ComponentModel.DataAnnotations;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Configuration section <c>Metrics</c> (environment <c>HIGHLIGHTS_METRICS__QUEUEREFRESH</c>, ...): how often a silo's
/// <c>/metrics</c> reads the queue gauges from the database. Between readings scrapes are answered from memory.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// How long a reading of queue depth and oldest wait is reused. It reads only queued rows (a partial index), so it
    /// stays cheap however many videos the table holds. Default 5 s, a third of Prometheus' default scrape interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan QueueRefresh { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the videos-by-state counts are reused. They count every video ever submitted, which takes a scan of the
    /// table (about 0.3 s at a million videos: bench/metrics-scrape.sh), so they are read less often. Default 1 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StateCountsRefresh { get; set; } = TimeSpan.FromMinutes(1);
}
