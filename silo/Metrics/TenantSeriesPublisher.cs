using Highlights.Grains.Llm;
using Highlights.Grains.Telemetry;
using Highlights.Silo.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Metrics;

/// <summary>
/// At start, puts every tenant holding a key on the LLM cost, token, call and failure series at zero for the configured
/// provider and model, so spend alerts see a series before the first call. A tenant given a key later appears with its first call.
/// </summary>
public sealed partial class TenantSeriesPublisher(
    ApiKeyStore keys, HighlightsMetrics metrics, LlmKernels kernels, IOptions<LlmOptions> llm, ILogger<TenantSeriesPublisher> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> tenants;
        try
        {
            tenants = await keys.TenantsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Only the zero series are lost: the counters still count from the first call.
            LogReadFailed(logger, ex);
            return;
        }

        foreach (var tenant in tenants)
        {
            metrics.PublishLlmSeries(kernels.Provider, llm.Value.Model, tenant);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the tenants for the LLM series; they appear with each tenant's first call")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
