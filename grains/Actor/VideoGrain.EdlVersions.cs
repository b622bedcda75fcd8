using System.Text.Json;
using Highlights.Grains.Edl;
using Highlights.Grains.State;
using Microsoft.Extensions.Logging;

namespace Highlights.Grains.Actor;

/// <summary>
/// The video's edited EDL versions: saved through the grain's state like every transition, each rendered to a reel
/// of its own on the thread pool (a worker slot each, as a run takes), so calls answer while it renders.
/// </summary>
public sealed partial class VideoGrain
{
    private readonly Dictionary<int, Task> versionRenders = [];

    private CancellationTokenSource versionStop = new();

    public Task<IReadOnlyList<EdlVersionInfo>> EdlVersionsAsync() =>
        Task.FromResult(Video is { } state ? EdlVersionList.Of(state) : []);

    public Task<string?> EdlOfVersionAsync(int version) =>
        Task.FromResult(Video is { } state ? EdlVersionList.EdlOf(state, version) : null);

    public async Task<EdlRevisionOutcome> ReviseEdlAsync(EdlDocument edl, string createdBy)
    {
        if (Video is not { } state || state.Status != VideoStatus.Completed || run is not null)
        {
            var status = Video is { } known ? JsonNamingPolicy.SnakeCaseLower.ConvertName(known.Status.ToString()) : "unknown";
            return new EdlRevisionOutcome(null, null, $"video {this.GetPrimaryKeyString()} is {status}: only a completed video's EDL can be edited");
        }

        var revised = reviser.Revise(state, edl);
        if (revised.Edl is not { } checkedEdl)
        {
            return new EdlRevisionOutcome(null, revised.Problem, null);
        }

        var json = JsonSerializer.SerializeToElement(checkedEdl, StateJson.Options);
        var saved = await WriteAsync(state.AddEdlVersion(
            json, checkedEdl.Segments.Count, checkedEdl.ReelDuration ?? checkedEdl.TotalDuration, createdBy, time.GetUtcNow()));
        var version = saved.EdlVersions[^1];
        LogVersionSaved(logger, saved.VideoId, version.Number, createdBy);
        StartVersionRender(version.Number);
        return new EdlRevisionOutcome(EdlVersionList.Info(version), null, null);
    }

    /// <summary>Versions saved but not rendered, or left rendering by a silo that stopped, render now.</summary>
    private void ResumeVersionRenders()
    {
        if (Video is not { } state)
        {
            return;
        }

        foreach (var version in state.EdlVersions.Where(v => v.Render.Status is VersionRenderStatus.Pending or VersionRenderStatus.Rendering))
        {
            StartVersionRender(version.Number);
        }
    }

    private void StartVersionRender(int number)
    {
        if (versionRenders.ContainsKey(number))
        {
            return;
        }

        DelayDeactivation(TimeSpan.FromDays(30));
        var stop = versionStop.Token;
        versionRenders[number] = Task.Run(() => RenderVersionAsync(number, stop));
    }

    private async Task RenderVersionAsync(int number, CancellationToken stop)
    {
        try
        {
            using var slot = await slots.AcquireAsync(stop);
            var state = await OnGrainAsync(() => WriteAsync(stored.State.BeginVersionRender(number, time.GetUtcNow())));
            var edl = state.EdlVersionOf(number)!.Edl.Deserialize<EdlDocument>(StateJson.Options)!;
            var result = await versionRenderer.RenderAsync(state, edl, number, pipelines.VideoDirectory(state.VideoId), stop);
            await OnGrainAsync(() => WriteAsync(stored.State.CompleteVersionRender(number, result.FileName, result.DurationSeconds, time.GetUtcNow())));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The silo is going: the version stays as it is and renders again at the grain's next activation.
        }
        catch (StateConflictException ex)
        {
            // Another activation owns the video now (as for a run): this one must not write again.
            LogStale(logger, ex.VideoId);
            await OnGrainAsync(() =>
            {
                DeactivateOnIdle();
                return Task.CompletedTask;
            });
        }
        catch (Exception ex)
        {
            LogVersionFailed(logger, this.GetPrimaryKeyString(), number, ex);
            await RecordRenderFailureAsync(number, ex.Message);
        }
        finally
        {
            await OnGrainAsync(() =>
            {
                versionRenders.Remove(number);
                LiftDeactivationDelay();
                return Task.CompletedTask;
            });
        }
    }

    private async Task RecordRenderFailureAsync(int number, string message)
    {
        try
        {
            await OnGrainAsync(() => stored.State.EdlVersionOf(number)?.Render.Status == VersionRenderStatus.Rendering
                ? WriteAsync(stored.State.FailVersionRender(number, message, time.GetUtcNow()))
                : Task.FromResult(stored.State));
        }
        catch (Exception ex)
        {
            // Not written: the version still says rendering, so the grain's next activation renders it again.
            LogVersionFailed(logger, this.GetPrimaryKeyString(), number, ex);
        }
    }

    private async Task StopVersionRendersAsync(CancellationToken cancellationToken)
    {
        await versionStop.CancelAsync();
        await Task.WhenAll(versionRenders.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        versionStop = new CancellationTokenSource();
    }

    /// <summary>An idle activation may be collected again once neither a run nor a version's render holds it.</summary>
    private void LiftDeactivationDelay()
    {
        if (run is null && versionRenders.Count == 0)
        {
            DelayDeactivation(TimeSpan.FromSeconds(-1));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {VideoId}: EDL version {Version} saved by {CreatedBy}")]
    private static partial void LogVersionSaved(ILogger logger, string videoId, int version, string createdBy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: the render of EDL version {Version} failed")]
    private static partial void LogVersionFailed(ILogger logger, string videoId, int version, Exception exception);
}
