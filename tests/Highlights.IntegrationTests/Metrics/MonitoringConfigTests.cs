using System.Text.Json;
using System.Text.RegularExpressions;
using Highlights.Grains.Llm;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Highlights.IntegrationTests.Fixtures;
using Highlights.Silo.Metrics;
using Prometheus;

namespace Highlights.IntegrationTests.Metrics;

/// <summary>The exporter's output and deploy/'s Prometheus and Grafana files, checked by the real tools and against each other.</summary>
public sealed partial class MonitoringConfigTests
{
    private static readonly string Deploy = Path.Combine(RepoPaths.Root, "deploy");

    [Fact]
    public async Task The_exposition_passes_promtool_check_metrics()
    {
        var text = ExerciseEveryInstrument();

        var (exitCode, output) = await Promtool.RunAsync(text, "check", "metrics");

        Assert.True(exitCode == 0, output + "\n" + text);
    }

    [Fact]
    public async Task A_broken_exposition_fails_promtool_so_the_check_above_means_something()
    {
        var (exitCode, _) = await Promtool.RunAsync("# TYPE x counter\nx{a=\"unterminated} 1\n", "check", "metrics");

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public async Task The_alert_rules_and_scrape_config_pass_promtool()
    {
        var rules = await Promtool.RunAsync(null, "check", "rules", Path.Combine(Deploy, "prometheus", "alerts.yml"));
        var config = await Promtool.RunAsync(null, "check", "config", Path.Combine(Deploy, "prometheus", "prometheus.yml"));

        Assert.True(rules.ExitCode == 0, rules.Output);
        Assert.True(config.ExitCode == 0, config.Output);
    }

    [Fact]
    public void The_dashboard_and_alerts_only_use_series_the_exporter_writes()
    {
        var exported = ExportedSeriesNames(ExerciseEveryInstrument());
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Deploy, "grafana", "highlights-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .Append(File.ReadAllText(Path.Combine(Deploy, "prometheus", "alerts.yml")))
            .ToList();

        var used = expressions.SelectMany(e => SeriesName().Matches(e).Select(m => m.Value)).Distinct().ToList();

        Assert.Contains("highlights_llm_cost_usd_total", used);
        Assert.All(used, name => Assert.True(exported.Contains(name), $"{name} is used by deploy/ but not exported"));
    }

    /// <summary>Records into every metric and registers the queue gauges and the process figures, as a silo does, then scrapes.</summary>
    private static string ExerciseEveryInstrument()
    {
        var metrics = HighlightsMetrics.Unexported();
        metrics.RecordStage("probe", HighlightsMetrics.Completed, TimeSpan.FromSeconds(1.5));
        metrics.RecordFailure("render", FailureKind.Error, TimeSpan.FromSeconds(3));
        metrics.ProcessingRatio.Observe(0.04);
        metrics.RenderOutput.Inc(12.5);
        metrics.PublishLlmSeries("openai", "gpt-4.1-mini", "acme");
        metrics.RecordLlmCall(new LlmCallRecord("c1", 0, "picks", 1, "openai", "gpt-4.1-mini", CallStatus.Ok, 1000, 1000, 50, 0.0123m, true), "team \"a\"");
        metrics.RecordLlmCall(new LlmCallRecord("c2", 1, "picks", 1, "openai", "gpt-4.1-mini", CallStatus.Timeout, 1000, 0, 0, 0m, false), "acme");
        metrics.BudgetStops.WithLabels("video").Inc();
        metrics.Resumes.Inc();
        _ = new ClusterGauges(metrics.Registry, new FixedQueue());
        DotNetStats.Register(metrics.Registry);
        return Exposition.TextAsync(metrics.Registry).GetAwaiter().GetResult();
    }

    private static HashSet<string> ExportedSeriesNames(string exposition) =>
        exposition.Split('\n')
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l[..l.IndexOfAny(['{', ' '])])
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b(?:highlights|process|dotnet)_[a-z_]+\b")]
    private static partial Regex SeriesName();

    private sealed class FixedQueue : IQueueObserver
    {
        public QueueSnapshot? Current { get; } = new(new Dictionary<string, long> { ["pending"] = 2, ["running"] = 1, ["budget_exceeded"] = 0 }, 2, TimeSpan.FromSeconds(42));

        public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
