using System.Diagnostics.Metrics;
using Highlights.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.UnitTests.Metrics;

public sealed class MetricsCollectorTests : IDisposable
{
    private readonly string meterName = "test." + Guid.NewGuid().ToString("N");
    private readonly Meter meter;
    private readonly MetricsCollector collector;

    public MetricsCollectorTests()
    {
        meter = new Meter(meterName);
        collector = new MetricsCollector([meterName]);
    }

    public void Dispose()
    {
        collector.Dispose();
        meter.Dispose();
    }

    [Fact]
    public void Counters_add_up_per_label_set_and_are_exported_with_total()
    {
        var counter = meter.CreateCounter<double>("app.cost", "USD", "spend");
        counter.Add(0.25, new KeyValuePair<string, object?>("model", "a"));
        counter.Add(0.5, new KeyValuePair<string, object?>("model", "a"));
        counter.Add(1, new KeyValuePair<string, object?>("model", "b"));

        var family = Single("app_cost_usd_total");

        Assert.Equal(MetricKind.Counter, family.Kind);
        Assert.Equal(0.75, family.Series.Single(s => s.Labels[0].Value == "a").Value);
        Assert.Equal(1, family.Series.Single(s => s.Labels[0].Value == "b").Value);
    }

    [Fact]
    public void Tag_order_does_not_split_a_series()
    {
        var counter = meter.CreateCounter<long>("app.calls");
        counter.Add(1, new("a", "1"), new KeyValuePair<string, object?>("b", "2"));
        counter.Add(1, new("b", "2"), new KeyValuePair<string, object?>("a", "1"));

        Assert.Equal(2, Assert.Single(Single("app_calls_total").Series).Value);
    }

    [Fact]
    public void Histograms_count_into_the_advised_buckets()
    {
        var histogram = meter.CreateHistogram("app.duration", "s", "d", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 10] });
        foreach (var sample in new[] { 0.5, 1, 3, 30 })
        {
            histogram.Record(sample);
        }

        var value = Assert.Single(Single("app_duration_seconds").Series).Histogram!;

        Assert.Equal([1.0, 10.0], value.UpperBounds);
        Assert.Equal([2L, 3L], value.CumulativeCounts);
        Assert.Equal(4, value.Count);
        Assert.Equal(34.5, value.Sum);
    }

    [Fact]
    public void Observable_gauges_report_the_current_value_and_drop_label_sets_no_longer_observed()
    {
        var states = new Dictionary<string, int> { ["queued"] = 3, ["running"] = 1 };
        meter.CreateObservableGauge("app.videos", () => states.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("state", s.Key))));

        Assert.Equal(2, Single("app_videos").Series.Count);
        states.Remove("running");
        states["queued"] = 7;

        var series = Assert.Single(Single("app_videos").Series);
        Assert.Equal(7, series.Value);
    }

    [Fact]
    public void Process_basics_are_always_exported()
    {
        var names = collector.Collect().Select(f => f.Name).ToList();

        Assert.Contains("process_cpu_seconds_total", names);
        Assert.Contains("process_resident_memory_bytes", names);
        Assert.Contains("process_start_time_seconds", names);
    }

    [Fact]
    public void A_collector_hears_its_own_hosts_meters_and_not_another_hosts()
    {
        using var mine = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var theirs = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var scoped = new MetricsCollector([meterName], mine.GetRequiredService<IMeterFactory>());
        mine.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<long>("app.mine").Add(1);
        theirs.GetRequiredService<IMeterFactory>().Create(meterName).CreateCounter<long>("app.theirs").Add(1);
        meter.CreateCounter<long>("app.everyone").Add(1);

        var names = scoped.Collect().Select(f => f.Name).ToList();

        Assert.Contains("app_mine_total", names);
        Assert.Contains("app_everyone_total", names);
        Assert.DoesNotContain("app_theirs_total", names);
    }

    private MetricFamily Single(string name) => Assert.Single(collector.Collect(), f => f.Name == name);
}
