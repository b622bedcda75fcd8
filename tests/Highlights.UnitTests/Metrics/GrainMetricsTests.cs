using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Telemetry;
using Highlights.Silo.Metrics;
using Highlights.UnitTests.Actor;

namespace Highlights.UnitTests.Metrics;

/// <summary>
/// Alone, not beside other tests: the processing-ratio histogram has no per-video label, so any other test completing
/// a probed video in parallel would add to the count this one checks.
/// </summary>
[Collection(Name)]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GrainMetricsTests
{
    private const string Name = "process-wide metrics";

    [Fact]
    public async Task Each_stage_run_is_timed_and_a_failure_is_counted_by_stage_and_kind()
    {
        // Stage names unique to this test, since the meter is process-wide and tests run in parallel.
        var ok = "ok-" + Guid.NewGuid().ToString("N")[..8];
        var broken = "broken-" + Guid.NewGuid().ToString("N")[..8];
        using var collector = new MetricsCollector([HighlightsMetrics.MeterName]);
        using var harness = new GrainHarness(ok, broken);
        harness[broken].Failure = new InvalidOperationException("boom");

        var grain = await harness.ActivateAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RunAsync(null, CancellationToken.None));

        var families = collector.Collect();
        var durations = families.Single(f => f.Name == "highlights_stage_duration_seconds").Series;
        Assert.Equal(1, Series(durations, ok, "completed").Histogram!.Count);
        Assert.Equal(1, Series(durations, broken, "failed").Histogram!.Count);
        var failures = families.Single(f => f.Name == "highlights_stage_failures_total").Series;
        var failure = Assert.Single(failures, s => s.Labels.Contains(new("stage", broken)));
        Assert.Contains(new KeyValuePair<string, string>("kind", "error"), failure.Labels);
        Assert.Equal(1, failure.Value);
    }

    [Fact]
    public async Task A_run_that_completes_the_video_records_its_wall_time_over_the_source_duration_once()
    {
        using var collector = new MetricsCollector([HighlightsMetrics.MeterName]);
        using var harness = new GrainHarness(StageNames.Probe, "work");
        harness[StageNames.Probe].Output = new ProbeResult(new MediaInfo("mov,mp4", 2.0, null, null, []), []);
        harness["work"].During = (_, ct) => Task.Delay(100, ct);

        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);
        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);

        // The second run found the video complete and did nothing, so it says nothing about processing speed.
        var ratio = Assert.Single(collector.Collect().Single(f => f.Name == "highlights_processing_ratio").Series).Histogram!;
        Assert.Equal(1, ratio.Count);
        Assert.InRange(ratio.Sum, 0.1 / 2.0, 10);
    }

    private static MetricSeries Series(IEnumerable<MetricSeries> series, string stage, string outcome) =>
        Assert.Single(series, s => s.Labels.Contains(new("stage", stage)) && s.Labels.Contains(new("outcome", outcome)));
}
