using Highlights.Silo.Api;
using Highlights.Silo.Cluster;
using Highlights.Silo.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Highlights.Silo.Hosting;

/// <summary>
/// A silo: the Orleans silo hosting video grains, the HTTP API and <c>/metrics</c> (on the API's port or <c>Metrics:Urls</c>) in one process. Settings come from the usual
/// sources (<c>highlights.json</c>, <c>HIGHLIGHTS_*</c>) overridden by <paramref name="overrides"/> (command-line flags).
/// </summary>
public static class SiloApplication
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <param name="services">Last word on the services before the host is built (tests swap the clock or add a log sink).</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, string urls, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory });
        builder.Configuration.AddHighlightsSources();
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Orleans narrates membership and activations at Information; an operator needs its warnings.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);

        // A silo that cannot start says why in one line (the command's error); the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        var metricsUrls = builder.Configuration[$"{MetricsOptions.Section}:{nameof(MetricsOptions.Urls)}"];
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(metricsUrls) ? urls : $"{urls};{metricsUrls}");
        builder.AddHighlightsPipeline();
        builder.AddHighlightsCluster();
        builder.AddHighlightsApi();
        builder.AddHighlightsMetrics();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseMetricsListener();
        app.MapHighlightsApi();
        app.MapHighlightsMetrics();
        return app;
    }
}
