namespace Highlights.Silo.Metrics;

public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
