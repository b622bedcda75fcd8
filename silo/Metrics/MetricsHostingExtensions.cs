using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Highlights.Silo.Metrics;

/// <summary>
/// A silo's <c>GET /metrics</c>: prometheus-net's exporter over the host's registry, which holds the pipeline's
/// metrics, the queue gauges, Orleans' own meters and the process and GC figures. No authentication, like every Prometheus target: operators
/// keep the port off public networks, or give it a port of its own with <see cref="MetricsOptions.Urls"/>.
/// The embedded CLI does not call this; it reports the same figures in report.json.
/// </summary>
public static class MetricsHostingExtensions
{
    public const string Path = "/metrics";

    public static IHostApplicationBuilder AddHighlightsMetrics(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IQueueObserver, PostgresQueueObserver>();
        services.AddSingleton<ClusterGauges>();
        services.AddSingleton<OrleansMeterExport>();
        services.AddHostedService<TenantSeriesPublisher>();
        return builder;
    }

    /// <summary>
    /// With <see cref="MetricsOptions.Urls"/> set, requests are split by the port they arrived on: there only
    /// <c>/metrics</c>, elsewhere everything but. First in the pipeline, so neither side sees the other's answers (401s included).
    /// </summary>
    public static WebApplication UseMetricsListener(this WebApplication app)
    {
        var ports = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Ports();
        if (ports.Count == 0)
        {
            return app;
        }

        app.Use((context, next) =>
        {
            var onMetricsPort = ports.Contains(context.Connection.LocalPort);
            if (onMetricsPort != context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    public static WebApplication MapHighlightsMetrics(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        DotNetStats.Register(registry);
        app.Services.GetRequiredService<ClusterGauges>();
        app.Services.GetRequiredService<OrleansMeterExport>();
        app.MapMetrics(settings => settings.Registry = registry, Path).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
