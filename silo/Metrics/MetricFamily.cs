namespace Highlights.Silo.Metrics;

/// <summary>One exposition family: HELP and TYPE once, then every labelled series.</summary>
public sealed record MetricFamily(string Name, string Help, MetricKind Kind, IReadOnlyList<MetricSeries> Series);

/// <summary>
/// One labelled series. Counters and gauges use <see cref="Value"/>; histograms use <see cref="Histogram"/>.
/// Labels are kept in a fixed order so the same series always prints the same way.
/// </summary>
public sealed record MetricSeries(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramValue? Histogram = null);

/// <summary>Cumulative counts per upper bound (ascending, without +Inf), plus total count and sum.</summary>
public sealed record HistogramValue(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> CumulativeCounts, long Count, double Sum);
