using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Highlights.Grains.Telemetry;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Listens to our meter and the runtime's (<c>System.Runtime</c>: GC, JIT, thread pool) and produces metric families
/// on demand. Counters are per process and restart from zero with it, as Prometheus expects. Meters made by an
/// <see cref="IMeterFactory"/> are heard only by the collector given that factory as its scope (the host's own);
/// the static meters are process-wide and heard by every collector.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    public static readonly IReadOnlyList<string> DefaultMeters = [HighlightsMetrics.MeterName, "System.Runtime"];

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();
    private readonly Lock collecting = new();

    public MetricsCollector(IEnumerable<string>? meterNames = null, IMeterFactory? scope = null)
    {
        var meters = new HashSet<string>(meterNames ?? DefaultMeters, StringComparer.Ordinal);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meters.Contains(instrument.Meter.Name) && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, scope)))
            {
                aggregates[instrument] = new InstrumentAggregate(instrument);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.MeasurementsCompleted = (instrument, _) => aggregates.TryRemove(instrument, out InstrumentAggregate? _);
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<float>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.Start();
    }

    public IReadOnlyList<MetricFamily> Collect()
    {
        lock (collecting)
        {
            foreach (var aggregate in aggregates.Values)
            {
                aggregate.ResetObserved();
            }

            listener.RecordObservableInstruments();
            return aggregates.Values
                .GroupBy(a => a.Name, StringComparer.Ordinal)
                .Select(g => g.First().Snapshot())
                .Concat(ProcessMetrics.Collect())
                .ToList();
        }
    }

    public string CollectText() => PrometheusTextWriter.Write(Collect());

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (aggregates.TryGetValue(instrument, out var aggregate))
        {
            aggregate.Record(value, tags);
        }
    }
}
