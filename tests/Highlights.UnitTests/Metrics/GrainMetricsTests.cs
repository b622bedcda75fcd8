using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Telemetry;
using Highlights.TestSupport;
using Highlights.UnitTests.Actor;

namespace Highlights.UnitTests.Metrics;

/// <summary>What a grain records, read back from the page its registry exports (each harness has a registry of its own).</summary>
public sealed class GrainMetricsTests
{
    [Fact]
    public async Task Each_stage_run_is_timed_and_a_failure_is_counted_by_stage_and_kind()
    {
        using var harness = new GrainHarness("ok", "broken");
        harness["broken"].Failure = new InvalidOperationException("boom");

        var grain = await harness.ActivateAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RunAsync(null, CancellationToken.None));

        var samples = await Exposition.SamplesAsync(harness.Metrics.Registry);
        Assert.Equal(1, Single(samples, "highlights_stage_duration_seconds_count", ("stage", "ok"), ("outcome", "completed")));
        Assert.Equal(1, Single(samples, "highlights_stage_duration_seconds_count", ("stage", "broken"), ("outcome", "failed")));
        Assert.Equal(1, Single(samples, "highlights_stage_failures_total", ("stage", "broken"), ("kind", "error")));
        Assert.Empty(samples.Matching("highlights_stage_failures_total", ("stage", "ok")));
    }

    [Fact]
    public async Task A_cancelled_stage_is_timed_as_cancelled_not_failed()
    {
        using var harness = new GrainHarness("slow");
        harness["slow"].During = (_, ct) => Task.Delay(Timeout.Infinite, ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await (await harness.ActivateAsync()).RunAsync(null, cancel.Token));

        var samples = await Exposition.SamplesAsync(harness.Metrics.Registry);
        Assert.Equal(1, Single(samples, "highlights_stage_duration_seconds_count", ("stage", "slow"), ("outcome", "cancelled")));
        Assert.Empty(samples.Matching("highlights_stage_duration_seconds_count", ("stage", "slow"), ("outcome", "failed")));
    }

    [Fact]
    public async Task A_run_that_completes_the_video_records_its_wall_time_over_the_source_duration_once()
    {
        using var harness = new GrainHarness(StageNames.Probe, "work");
        harness[StageNames.Probe].Output = new ProbeResult(new MediaInfo("mov,mp4", 2.0, null, null, []), []);
        harness["work"].During = (_, ct) => Task.Delay(100, ct);

        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);
        await (await harness.ActivateAsync()).RunAsync(null, CancellationToken.None);

        // The second run found the video complete and did nothing, so it says nothing about processing speed.
        var samples = await Exposition.SamplesAsync(harness.Metrics.Registry);
        Assert.Equal(1, Single(samples, "highlights_processing_ratio_count"));
        Assert.InRange(Single(samples, "highlights_processing_ratio_sum"), 0.1 / 2.0, 10);
    }

    [Fact]
    public async Task Before_any_video_every_stage_failure_and_budget_series_is_on_the_page_at_zero()
    {
        var samples = await Exposition.SamplesAsync(HighlightsMetrics.Unexported().Registry);

        foreach (var stage in StageNames.All)
        {
            Assert.Equal(0, Single(samples, "highlights_stage_failures_total", ("stage", stage), ("kind", "error")));
            Assert.Equal(0, Single(samples, "highlights_stage_duration_seconds_count", ("stage", stage), ("outcome", "completed")));
        }

        Assert.Equal(0, Single(samples, "highlights_budget_stops_total", ("scope", "deployment")));
        Assert.Equal(0, Single(samples, "highlights_budget_stops_total", ("scope", "video")));
        Assert.Equal(0, Single(samples, "highlights_render_output_seconds_total"));
        Assert.Empty(samples.Matching("highlights_llm_cost_usd_total"));
    }

    [Fact]
    public async Task A_tenant_published_for_a_model_has_cost_tokens_calls_and_each_failure_reason_at_zero()
    {
        var metrics = HighlightsMetrics.Unexported();

        metrics.PublishLlmSeries("openai", "gpt-4.1-mini", "acme");

        var samples = await Exposition.SamplesAsync(metrics.Registry);
        var acme = ("tenant", "acme");
        Assert.Equal(0, Single(samples, "highlights_llm_cost_usd_total", acme, ("provider", "openai"), ("model", "gpt-4.1-mini")));
        Assert.Equal(0, Single(samples, "highlights_llm_calls_total", acme));
        Assert.Equal(2, samples.Matching("highlights_llm_tokens_total", acme).Count());
        Assert.Equal(0, Single(samples, "highlights_llm_failures_total", acme, ("reason", "ratelimited")));
        Assert.Empty(samples.Matching("highlights_llm_failures_total", acme, ("reason", "ok")));
    }

    private static double Single(IEnumerable<Sample> samples, string name, params (string, string)[] labels) =>
        Assert.Single(samples.Matching(name, labels)).Value;
}
