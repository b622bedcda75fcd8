using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Configuration section <c>Metrics</c> (environment <c>HIGHLIGHTS_METRICS__QUEUEREFRESH</c>, ...): how often a silo's
/// <c>/metrics</c> reads the queue gauges from the database. Between readings scrapes are answered from memory.
/// </summary>
public sealed class MetricsOptions : IValidatableObject
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

    /// <summary>
    /// Where <c>/metrics</c> is served instead of the API's <c>--urls</c>, e.g. <c>http://127.0.0.1:9464</c> (several
    /// separated by <c>;</c>, each with its own port). Then the API port does not serve it, and this one serves nothing else,
    /// so per-tenant spend need not be reachable where the API is. Default none: <c>/metrics</c> on the API port.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>The ports of <see cref="Urls"/>; empty when it is not set.</summary>
    public IReadOnlySet<int> Ports() =>
        string.IsNullOrWhiteSpace(Urls) ? new HashSet<int>() : Split(Urls).Select(u => BindingAddress.Parse(u).Port).ToHashSet();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            yield break;
        }

        foreach (var url in Split(Urls))
        {
            int port;
            try
            {
                port = BindingAddress.Parse(url).Port;
            }
            catch (FormatException)
            {
                port = -1;
            }

            if (port <= 0)
            {
                yield return new ValidationResult($"Metrics:Urls: '{url}' needs an explicit port, like http://127.0.0.1:9464", [nameof(Urls)]);
            }
        }
    }

    public static IReadOnlyList<string> Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
