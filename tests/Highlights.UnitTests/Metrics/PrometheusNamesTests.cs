using Highlights.Silo.Metrics;

namespace Highlights.UnitTests.Metrics;

public sealed class PrometheusNamesTests
{
    [Theory]
    [InlineData("highlights.stage.duration", "s", MetricKind.Histogram, "highlights_stage_duration_seconds")]
    [InlineData("highlights.llm.cost", "USD", MetricKind.Counter, "highlights_llm_cost_usd_total")]
    [InlineData("highlights.llm.tokens", "{token}", MetricKind.Counter, "highlights_llm_tokens_total")]
    [InlineData("highlights.processing.ratio", "1", MetricKind.Histogram, "highlights_processing_ratio")]
    [InlineData("dotnet.process.memory.working_set", "By", MetricKind.Gauge, "dotnet_process_memory_working_set_bytes")]
    [InlineData("requests_total", null, MetricKind.Counter, "requests_total")]
    [InlineData("dotnet.assembly.count", "{assembly}", MetricKind.Gauge, "dotnet_assemblies")]
    [InlineData("dotnet.process.cpu.count", "{cpu}", MetricKind.Gauge, "dotnet_process_cpus")]
    [InlineData("dotnet.gc.collections", "{collection}", MetricKind.Counter, "dotnet_gc_collections_total")]
    public void Instrument_names_become_prometheus_names_with_unit_and_total(string name, string? unit, MetricKind kind, string expected) =>
        Assert.Equal(expected, PrometheusNames.For(name, unit, kind));

    [Theory]
    [InlineData("gc.heap.generation", "gc_heap_generation")]
    [InlineData("9lives", "_9lives")]
    [InlineData("__reserved", "_reserved")]
    [InlineData("a-b c", "a_b_c")]
    public void Label_names_are_sanitised(string key, string expected) => Assert.Equal(expected, PrometheusNames.Label(key));
}
