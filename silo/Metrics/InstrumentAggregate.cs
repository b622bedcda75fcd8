using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Everything recorded for one instrument, per label set. Counters add up; observable counters and gauges report
/// their current value; histograms count into the instrument's advised buckets.
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>Prometheus' client defaults, for histograms that advise no buckets.</summary>
    private static readonly double[] DefaultBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<string, Series> series = new(StringComparer.Ordinal);
    private readonly bool replaces;
    private readonly double[] bounds;

    public InstrumentAggregate(Instrument instrument)
    {
        Kind = KindOf(instrument);
        Name = PrometheusNames.For(instrument.Name, instrument.Unit, Kind);
        Help = instrument.Description ?? instrument.Name;
        IsObservable = instrument.IsObservable;
        replaces = instrument.IsObservable;
        bounds = instrument switch
        {
            Histogram<double> h => h.Advice?.HistogramBucketBoundaries?.ToArray() ?? DefaultBounds,
            Histogram<long> h => h.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray() ?? DefaultBounds,
            _ => DefaultBounds,
        };
    }

    public string Name { get; }

    public string Help { get; }

    public MetricKind Kind { get; }

    public bool IsObservable { get; }

    /// <summary>Observable instruments report afresh at every scrape; a label set they no longer report disappears.</summary>
    public void ResetObserved()
    {
        if (IsObservable)
        {
            series.Clear();
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (key, labels) = SeriesKey.From(tags);
        var target = series.GetOrAdd(key, _ => new Series(labels, Kind == MetricKind.Histogram ? new long[bounds.Length] : null));
        lock (target)
        {
            if (Kind == MetricKind.Histogram)
            {
                var bucket = Array.BinarySearch(bounds, value);
                bucket = bucket >= 0 ? bucket : ~bucket;
                if (bucket < bounds.Length)
                {
                    target.BucketCounts![bucket]++;
                }

                target.Count++;
                target.Sum += value;
            }
            else
            {
                target.Value = replaces ? value : target.Value + value;
            }
        }
    }

    public MetricFamily Snapshot()
    {
        var snapshot = new List<MetricSeries>();
        foreach (var s in series.Values.OrderBy(s => string.Join(',', s.Labels.Select(l => l.Value)), StringComparer.Ordinal))
        {
            lock (s)
            {
                snapshot.Add(Kind == MetricKind.Histogram
                    ? new MetricSeries(s.Labels, 0, new HistogramValue(bounds, Cumulative(s.BucketCounts!), s.Count, s.Sum))
                    : new MetricSeries(s.Labels, s.Value));
            }
        }

        return new MetricFamily(Name, Help, Kind, snapshot);
    }

    private static long[] Cumulative(long[] counts)
    {
        var cumulative = new long[counts.Length];
        long running = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += counts[i];
            cumulative[i] = running;
        }

        return cumulative;
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
        {
            return MetricKind.Counter;
        }

        return type == typeof(Histogram<>) ? MetricKind.Histogram : MetricKind.Gauge;
    }

    private sealed class Series(KeyValuePair<string, string>[] labels, long[]? bucketCounts)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public long[]? BucketCounts { get; } = bucketCounts;

        public double Value { get; set; }

        public long Count { get; set; }

        public double Sum { get; set; }
    }
}
