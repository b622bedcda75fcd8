using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The worker half of a silo: registers it, runs <see cref="ClusterOptions.Workers"/> claim loops and the
/// heartbeat. On shutdown the running videos are stopped and handed back to the queue for another silo.
/// </summary>
public sealed partial class SiloWorkerService(
    VideoQueue queue,
    VideoRunner runner,
    LeaseKeeper keeper,
    SiloRegistry registry,
    SiloIdentity silo,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<SiloWorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await registry.RegisterAsync(settings.Workers, stoppingToken);
        LogStarted(logger, silo.Id, settings.Workers);
        try
        {
            var heartbeat = HeartbeatAsync(settings.HeartbeatInterval, stoppingToken);
            await Task.WhenAll(Enumerable.Range(0, settings.Workers).Select(_ => WorkAsync(settings.PollInterval, stoppingToken)));
            await heartbeat;
        }
        finally
        {
            await registry.StoppedAsync(CancellationToken.None);
            LogStopped(logger, silo.Id);
        }
    }

    private async Task WorkAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the first claim must not hold up the other hosted services.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            VideoLease? lease = null;
            try
            {
                lease = await queue.ClaimAsync(silo.Id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogClaimFailed(logger, ex);
            }

            if (lease is not null)
            {
                await runner.RunAsync(lease, stoppingToken);
                continue;
            }

            try
            {
                await Task.Delay(pollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await keeper.RenewOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the workers hand their videos back themselves.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} started with {Workers} workers")]
    private static partial void LogStarted(ILogger logger, string siloId, int workers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloId} stopped")]
    private static partial void LogStopped(ILogger logger, string siloId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not claim work; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
