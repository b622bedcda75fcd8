using System.Diagnostics.Metrics;

namespace Highlights.Grains.Telemetry;

/// <summary>
/// The pipeline's instruments, on one meter named <see cref="MeterName"/>. Names are OpenTelemetry style with a
/// unit; the Prometheus exporter turns <c>highlights.stage.duration</c> (s) into <c>highlights_stage_duration_seconds</c>.
/// Recording costs next to nothing when no listener is attached (the CLI), so the grain records unconditionally.
/// </summary>
public static class HighlightsMetrics
{
    public const string MeterName = "Highlights";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>Stage wall time; buckets span a 50 ms probe to a two-hour transcription.</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram(
        "highlights.stage.duration", "s", "Wall time of one pipeline stage run, by stage and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600, 7200] });

    public static readonly Counter<long> StageFailures = Meter.CreateCounter<long>(
        "highlights.stage.failures", "{failure}", "Stage runs that failed, by stage and failure kind.");

    /// <summary>
    /// Wall time of a video's run divided by its source duration, recorded when a run completes the video; below 1 is
    /// faster than real time. A run resumed from checkpoints counts only what it did, as report.json's timing does.
    /// </summary>
    public static readonly Histogram<double> ProcessingRatio = Meter.CreateHistogram(
        "highlights.processing.ratio", "1", "Wall time of a video's processing divided by its duration.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });

    public static readonly Counter<double> RenderOutput = Meter.CreateCounter<double>(
        "highlights.render.output", "s", "Seconds of highlight reel rendered.");

    public static readonly Counter<double> LlmCost = Meter.CreateCounter<double>(
        "highlights.llm.cost", "USD", "LLM spend as priced from reported usage, by provider, model and tenant.");

    public static readonly Counter<long> LlmTokens = Meter.CreateCounter<long>(
        "highlights.llm.tokens", "{token}", "LLM tokens reported by the provider, by provider, model, tenant and direction.");

    public static readonly Counter<long> LlmCalls = Meter.CreateCounter<long>(
        "highlights.llm.calls", "{call}", "LLM requests made (every attempt), by provider, model and tenant.");

    public static readonly Counter<long> LlmFailures = Meter.CreateCounter<long>(
        "highlights.llm.failures", "{call}", "LLM requests that failed, by provider, model, tenant and reason.");

    public static readonly Counter<long> BudgetStops = Meter.CreateCounter<long>(
        "highlights.budget.stops", "{stop}", "Videos stopped by the cost budget guard, by scope (video or deployment).");

    public static readonly Counter<long> LeaseReclaims = Meter.CreateCounter<long>(
        "highlights.lease.reclaims", "{lease}", "Expired video leases taken over from a silo that stopped heartbeating.");
}
