using Highlights.Grains.Actor;

namespace Highlights.Cli.Embedded;

/// <summary>
/// Runs a video's grain and waits for it, as a command at a terminal does: it subscribes to the grain's events, asks
/// it to run, passes Ctrl-C on as a cancel, and returns how the run ended.
/// </summary>
public sealed class VideoRunWatcher : IVideoObserver
{
    private readonly IProgress<PipelineEvent> progress;

    private readonly TaskCompletionSource<RunEnded> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private VideoRunWatcher(IProgress<PipelineEvent> progress) => this.progress = progress;

    public static async Task<RunEnded> RunAsync(IGrainFactory grains, VideoRunRequest request, IProgress<PipelineEvent> progress, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IVideoGrain>(request.Identity.VideoId);
        var watcher = new VideoRunWatcher(progress);
        var reference = grains.CreateObjectReference<IVideoObserver>(watcher);
        try
        {
            await grain.SubscribeAsync(reference);
            await grain.RunAsync(request);
            await using (cancellationToken.Register(() => _ = grain.CancelAsync()))
            {
                return await watcher.ended.Task;
            }
        }
        finally
        {
            await grain.UnsubscribeAsync(reference);
            grains.DeleteObjectReference<IVideoObserver>(reference);
        }
    }

    public void OnEvent(PipelineEvent pipelineEvent) => progress.Report(pipelineEvent);

    public void OnRunEnded(RunEnded ended) => this.ended.TrySetResult(ended);
}
