using System.Diagnostics.Metrics;
using Prometheus;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Orleans' own meters (<c>Microsoft.Orleans</c>: grain calls, activations, messaging, membership) on this host's
/// <c>/metrics</c>, beside ours, through prometheus-net's meter adapter. Only this host's: several silos may share a
/// process (tests), and each one's meters come from its own <see cref="IMeterFactory"/>.
/// </summary>
public sealed class OrleansMeterExport(CollectorRegistry registry, IMeterFactory meters) : IDisposable
{
    public const string MeterName = "Microsoft.Orleans";

    private readonly IDisposable listening = MeterAdapter.StartListening(new MeterAdapterOptions
    {
        Registry = registry,

        // Its default factory writes to prometheus-net's static registry, which /metrics does not serve.
        MetricFactory = Prometheus.Metrics.WithCustomRegistry(registry),
        InstrumentFilterPredicate = instrument => instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, meters),
    });

    public void Dispose() => listening.Dispose();
}
