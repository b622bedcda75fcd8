using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The silo's heartbeat: renews the leases of the videos it runs, writes their progress, and stops at once any
/// video whose lease was lost (another silo took it over) or whose cancel was requested. When the database cannot
/// be reached, videos whose lease has run out by this silo's clock are stopped too: someone else may own them now.
/// </summary>
public sealed partial class LeaseKeeper(
    VideoQueue queue,
    SiloRegistry silos,
    SiloIdentity silo,
    ActiveVideos active,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<LeaseKeeper> logger)
{
    public async Task RenewOnceAsync(CancellationToken cancellationToken)
    {
        var videos = active.Snapshot();
        try
        {
            await silos.HeartbeatAsync(cancellationToken);
            var renewedUntil = time.GetUtcNow() + options.Value.LeaseDuration;
            var held = await queue.RenewAsync(
                silo.Id, [.. videos.Select(v => new LeaseRenewal(v.Lease.VideoId, v.Lease.Token, v.Progress))], renewedUntil, cancellationToken);
            foreach (var video in videos)
            {
                if (!held.TryGetValue(video.Lease.VideoId, out var cancelRequested))
                {
                    LogLeaseLost(logger, video.Lease.VideoId);
                    video.Stop(StopReason.LeaseLost);
                }
                else if (cancelRequested)
                {
                    video.Stop(StopReason.CancelRequested);
                }
                else
                {
                    video.LeaseValidUntil = renewedUntil;
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogRenewFailed(logger, ex);
            var now = time.GetUtcNow();
            foreach (var video in videos.Where(v => v.LeaseValidUntil <= now))
            {
                LogLeaseLost(logger, video.Lease.VideoId);
                video.Stop(StopReason.LeaseLost);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: lease lost, stopping work on it")]
    private static partial void LogLeaseLost(ILogger logger, string videoId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not renew leases")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}
