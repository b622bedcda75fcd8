using Highlights.Grains.Actor;
using Highlights.Grains.Llm;
using Highlights.Grains.State;
using Prometheus;

namespace Highlights.Grains.Telemetry;

/// <summary>
/// The pipeline's metrics, in the registry of the host that runs it: a silo exports that registry on <c>/metrics</c>,
/// the CLI keeps its own unexported (recording is a few atomic adds either way). Counters restart from zero with the
/// process, as Prometheus expects. Written as prometheus-net metrics rather than System.Diagnostics.Metrics through its
/// meter adapter: the adapter names series after the meter and drops units, so every name alerts and dashboards use would change,
/// and it forgets a series nobody updated for a while, which is exactly the zero an alert needs to see.
/// </summary>
public sealed class HighlightsMetrics
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public HighlightsMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        StageDuration = factory.CreateHistogram(
            "highlights_stage_duration_seconds",
            "Wall time of one pipeline stage run, by stage and outcome.",
            new HistogramConfiguration { LabelNames = ["stage", "outcome"], Buckets = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600, 7200] });
        StageFailures = factory.CreateCounter(
            "highlights_stage_failures_total", "Stage runs that failed, by stage and failure kind.", "stage", "kind");
        ProcessingRatio = factory.CreateHistogram(
            "highlights_processing_ratio",
            "Wall time of a video's processing divided by its duration.",
            new HistogramConfiguration { Buckets = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
        RenderOutput = factory.CreateCounter("highlights_render_output_seconds_total", "Seconds of highlight reel rendered.");
        LlmCost = factory.CreateCounter(
            "highlights_llm_cost_usd_total", "LLM spend as priced from reported usage, by provider, model and tenant.", LlmLabels);
        LlmTokens = factory.CreateCounter(
            "highlights_llm_tokens_total", "LLM tokens reported by the provider, by provider, model, tenant and direction.", [.. LlmLabels, "direction"]);
        LlmCalls = factory.CreateCounter(
            "highlights_llm_calls_total", "LLM requests made (every attempt), by provider, model and tenant.", LlmLabels);
        LlmFailures = factory.CreateCounter(
            "highlights_llm_failures_total", "LLM requests that failed, by provider, model, tenant and reason.", [.. LlmLabels, "reason"]);
        BudgetStops = factory.CreateCounter(
            "highlights_budget_stops_total", "Videos stopped by the cost budget guard, by scope (video or deployment).", "scope");
        Resumes = factory.CreateCounter(
            "highlights_video_resumes_total", "Runs resumed on this silo after the silo running them vanished mid-run.");
        PublishKnownSeries();
    }

    private static string[] LlmLabels => ["provider", "model", "tenant"];

    public CollectorRegistry Registry { get; }

    /// <summary>Buckets span a 50 ms probe to a two-hour transcription.</summary>
    public Histogram StageDuration { get; }

    public Counter StageFailures { get; }

    /// <summary>
    /// Recorded when a run completes the video; below 1 is faster than real time. A run resumed from checkpoints counts
    /// only what it did, as report.json's timing does.
    /// </summary>
    public Histogram ProcessingRatio { get; }

    public Counter RenderOutput { get; }

    public Counter LlmCost { get; }

    public Counter LlmTokens { get; }

    public Counter LlmCalls { get; }

    public Counter LlmFailures { get; }

    public Counter BudgetStops { get; }

    public Counter Resumes { get; }

    /// <summary>A fresh registry of our own, for a host that exports nothing (the CLI) and for tests.</summary>
    public static HighlightsMetrics Unexported() => new(Metrics.NewCustomRegistry());

    /// <summary>
    /// Every stage and budget series at zero, so a rate or an absence alert has a series from the first scrape instead
    /// of one appearing with the first failure.
    /// </summary>
    private void PublishKnownSeries()
    {
        foreach (var stage in StageNames.All)
        {
            foreach (var outcome in (string[])[Completed, Failed, Cancelled])
            {
                StageDuration.WithLabels(stage, outcome);
            }

            foreach (var kind in Enum.GetValues<FailureKind>())
            {
                StageFailures.WithLabels(stage, Label(kind));
            }
        }

        BudgetStops.WithLabels(BudgetExceededException.VideoScope);
        BudgetStops.WithLabels(BudgetExceededException.DeploymentScope);
    }

    /// <summary>Publishes at zero one tenant's LLM cost, token, call and failure series for a provider and model.</summary>
    public void PublishLlmSeries(string provider, string model, string tenant)
    {
        LlmCost.WithLabels(provider, model, tenant);
        LlmCalls.WithLabels(provider, model, tenant);
        LlmTokens.WithLabels(provider, model, tenant, "input");
        LlmTokens.WithLabels(provider, model, tenant, "output");
        foreach (var status in Enum.GetValues<CallStatus>().Where(s => s is not (CallStatus.Ok or CallStatus.Pending)))
        {
            LlmFailures.WithLabels(provider, model, tenant, Label(status));
        }
    }

    public void RecordStage(string stage, string outcome, TimeSpan duration) => StageDuration.WithLabels(stage, outcome).Observe(duration.TotalSeconds);

    public void RecordFailure(string stage, FailureKind kind, TimeSpan duration)
    {
        RecordStage(stage, kind == FailureKind.Cancelled ? Cancelled : Failed, duration);
        StageFailures.WithLabels(stage, Label(kind)).Inc();
    }

    /// <summary>Puts a settled LLM attempt on the counters (the ledger stays the record of what was spent).</summary>
    public void RecordLlmCall(LlmCallRecord call, string tenant)
    {
        LlmCalls.WithLabels(call.Provider, call.Model, tenant).Inc();
        LlmCost.WithLabels(call.Provider, call.Model, tenant).Inc((double)call.Usd);
        LlmTokens.WithLabels(call.Provider, call.Model, tenant, "input").Inc(call.InputTokens);
        LlmTokens.WithLabels(call.Provider, call.Model, tenant, "output").Inc(call.OutputTokens);
        if (call.Status != CallStatus.Ok)
        {
            LlmFailures.WithLabels(call.Provider, call.Model, tenant, Label(call.Status)).Inc();
        }
    }

    private static string Label<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
