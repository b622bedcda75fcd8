using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// Runs one claimed video: loads its state under the lease, activates the same <see cref="VideoGrain"/> the CLI
/// uses over a <see cref="LeasedVideoStateStore"/>, and releases the lease as the outcome says. Never throws:
/// anything unexpected is logged and the lease left to expire, so another silo picks the video up.
/// </summary>
public sealed partial class VideoRunner(
    NpgsqlDataSource db,
    VideoPipelineFactory grains,
    VideoQueue queue,
    ActiveVideos active,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<VideoRunner> logger)
{
    public async Task RunAsync(VideoLease lease, CancellationToken shutdown)
    {
        using var video = new ActiveVideo(lease, shutdown);
        active.Add(video);
        try
        {
            var (outcome, error) = await RunGrainAsync(video);
            var release = ReleasePolicy.After(outcome, lease.Tries, error, options.Value, time.GetUtcNow());
            if (release is not null && !await queue.ReleaseAsync(lease, release, CancellationToken.None))
            {
                LogLostBeforeRelease(logger, lease.VideoId);
            }
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, lease.VideoId, ex);
        }
        finally
        {
            active.Remove(video);
        }
    }

    private async Task<(RunOutcome Outcome, string? Error)> RunGrainAsync(ActiveVideo video)
    {
        var lease = video.Lease;
        var store = new LeasedVideoStateStore(db, lease);
        var state = await store.LoadAsync(lease.VideoId, CancellationToken.None)
            ?? throw new InvalidOperationException($"video {lease.VideoId} was claimed but has no row");
        if (lease.CancelRequested)
        {
            // Its previous owner died before it saw the cancel.
            if (state.Status == VideoStatus.Running)
            {
                await store.SaveAsync(state.Fail(FailureKind.Cancelled, "cancelled", time.GetUtcNow()), CancellationToken.None);
            }

            return (RunOutcome.Cancelled, null);
        }

        if (lease.Tries > options.Value.MaxAttempts && state.Status == VideoStatus.Running)
        {
            // Every owner so far vanished mid-run (killed, out of memory): stop before this video takes down another silo.
            var message = $"gave up after {lease.Tries - 1} runs: the silos running it stopped without finishing stage {state.CurrentStage ?? "(none)"}";
            await store.SaveAsync(state.Fail(FailureKind.Error, message, time.GetUtcNow()), CancellationToken.None);
            LogPoison(logger, lease.VideoId, message);
            return (RunOutcome.Failed, message);
        }

        var grain = grains.Pipeline(state, store);
        try
        {
            await grain.RunAsync(new ProgressRecorder(video), video.Token);
            return (RunOutcome.Completed, null);
        }
        catch (OperationCanceledException) when (video.Token.IsCancellationRequested)
        {
            return video.Reason switch
            {
                StopReason.CancelRequested => (RunOutcome.Cancelled, null),
                StopReason.Shutdown => (RunOutcome.Interrupted, null),
                _ => (RunOutcome.LeaseLost, null),
            };
        }
        catch (StateConflictException)
        {
            LogConflict(logger, lease.VideoId);
            return (RunOutcome.LeaseLost, null);
        }
        catch (InputRejectedException ex)
        {
            return (RunOutcome.Rejected, ex.Message);
        }
        catch (BudgetExceededException ex)
        {
            return (RunOutcome.BudgetExceeded, ex.Message);
        }
        catch (Exception) when (video.Reason == StopReason.LeaseLost)
        {
            // A stage torn down by the lost lease may fail any way it likes; the video is no longer ours.
            LogConflict(logger, lease.VideoId);
            return (RunOutcome.LeaseLost, null);
        }
        catch (Exception ex)
        {
            return (RunOutcome.Failed, ex.Message);
        }
    }

    /// <summary>Keeps the running stage's latest progress where the lease keeper's heartbeat picks it up.</summary>
    private sealed class ProgressRecorder(ActiveVideo video) : IProgress<PipelineEvent>
    {
        public void Report(PipelineEvent value) => video.Progress = value switch
        {
            PipelineEvent.Started => 0,
            PipelineEvent.Progressed { Fraction: var f } when double.IsFinite(f) => f,
            _ => video.Progress,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: another silo took it over; stopped")]
    private static partial void LogConflict(ILogger logger, string videoId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: lease lost before it could be released")]
    private static partial void LogLostBeforeRelease(ILogger logger, string videoId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Video {VideoId}: {Reason}")]
    private static partial void LogPoison(ILogger logger, string videoId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Video {VideoId}: the run broke off; its lease will expire and another silo will resume it")]
    private static partial void LogRunFailed(ILogger logger, string videoId, Exception exception);
}
