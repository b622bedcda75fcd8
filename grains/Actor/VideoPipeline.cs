using System.Diagnostics;
using Highlights.Grains.Inputs;
using Highlights.Grains.Probe;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Highlights.Grains.Actor;

/// <summary>
/// One run of a video's stages, hosted by its <see cref="VideoGrain"/>. Runs the stages in order, skips those with a
/// valid checkpoint, and saves the state after every transition, so a crash resumes at the stage that was running.
/// Plain code over <see cref="IVideoStateStore"/>: it knows nothing of where the state is kept or who called.
/// </summary>
public sealed partial class VideoPipeline(
    VideoState state,
    IReadOnlyList<IVideoStage> stages,
    IVideoStateStore store,
    string workDirectory,
    TimeProvider time,
    ILogger<VideoPipeline> logger,
    HighlightsMetrics metrics,
    StageBudget? budget = null,
    InputFileGuard? files = null,
    CancellationToken interrupted = default)
{
    private readonly InputFileGuard files = files ?? InputFileGuard.Unrestricted;

    private readonly SemaphoreSlim saving = new(1, 1);

    public VideoState State { get; private set; } = state;

    public string WorkDirectory { get; } = workDirectory;

    /// <summary>
    /// Brings the video to <see cref="VideoStatus.Completed"/>. A failure is recorded in the state before the
    /// exception propagates; checkpoints already written are kept.
    /// </summary>
    public Task<IReadOnlyList<StageRun>> RunAsync(IProgress<PipelineEvent>? observer, CancellationToken cancellationToken) =>
        RunFirstAsync(stages.Count, observer, cancellationToken);

    /// <summary>
    /// Brings the stages up to and including <paramref name="lastStage"/> to a checkpoint (an analysis that needs no
    /// render) and leaves the video <see cref="VideoStatus.Pending"/>; a later full run continues from there.
    /// </summary>
    public Task<IReadOnlyList<StageRun>> RunThroughAsync(string lastStage, IProgress<PipelineEvent>? observer, CancellationToken cancellationToken)
    {
        var index = stages.Select(s => s.Name).ToList().IndexOf(lastStage);
        return index < 0
            ? throw new ArgumentException($"no stage named {lastStage}", nameof(lastStage))
            : RunFirstAsync(index + 1, observer, cancellationToken);
    }

    private async Task<IReadOnlyList<StageRun>> RunFirstAsync(int count, IProgress<PipelineEvent>? observer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var everything = count == stages.Count;
        var firstToRun = FirstStageToRun();
        var runs = stages.Take(Math.Min(firstToRun, count))
            .Select(s => new StageRun(s.Name, FromCheckpoint: true, State.Checkpoints[s.Name].DurationSeconds))
            .ToList();
        foreach (var run in runs)
        {
            observer?.Report(new PipelineEvent.Skipped(run.Stage, run.DurationSeconds));
        }

        if ((State.Status == VideoStatus.Completed && firstToRun == stages.Count) || (!everything && firstToRun >= count))
        {
            return runs;
        }

        Directory.CreateDirectory(WorkDirectory);
        AtomicFile.RemoveAbandoned(WorkDirectory);
        var now = time.GetUtcNow();
        var runnable = State.Status == VideoStatus.Completed ? State.Reopen(now) : State;
        await SaveAsync(runnable.BeginRun(now));
        var stale = stages.Skip(firstToRun).Select(s => s.Name).Where(State.Checkpoints.ContainsKey).ToList();
        if (stale.Count > 0)
        {
            await SaveAsync(State.DiscardCheckpoints(stale, time.GetUtcNow()));
        }

        var verifySource = true;
        foreach (var stage in stages.Take(count).Skip(firstToRun))
        {
            runs.Add(await RunStageAsync(stage, verifySource, observer, cancellationToken));
            verifySource = false;
        }

        if (!everything)
        {
            await SaveAsync(State.Pause(time.GetUtcNow()));
            return runs;
        }

        await SaveAsync(State.Complete(stages.Select(s => s.Name), time.GetUtcNow()));
        if (State.ResultOf<ProbeResult>(StageNames.Probe)?.Media?.DurationSeconds is > 0 and var sourceSeconds)
        {
            metrics.ProcessingRatio.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds / sourceSeconds);
        }

        LogCompleted(logger, State.VideoId, runs.Count(r => !r.FromCheckpoint), runs.Count(r => r.FromCheckpoint));
        return runs;
    }

    /// <summary>The first stage whose checkpoint is missing, was written by an older result version, or does not stand for these options.</summary>
    private int FirstStageToRun()
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (!State.Checkpoints.TryGetValue(stages[i].Name, out var checkpoint)
                || checkpoint.ResultVersion != stages[i].ResultVersion
                || !stages[i].Reusable(checkpoint, State.Options))
            {
                return i;
            }
        }

        return stages.Count;
    }

    /// <param name="verifySource">First stage of this run: the source's content must still be what was hashed at submit.</param>
    private async Task<StageRun> RunStageAsync(IVideoStage stage, bool verifySource, IProgress<PipelineEvent>? observer, CancellationToken cancellationToken)
    {
        await SaveAsync(State.EnterStage(stage.Name, time.GetUtcNow()));
        observer?.Report(new PipelineEvent.Started(stage.Name));
        LogStageStarted(logger, State.VideoId, stage.Name);
        var started = Stopwatch.GetTimestamp();
        var context = new StageContext(
            State,
            WorkDirectory,
            stage.ResultVersion,
            (fraction, detail) => observer?.Report(new PipelineEvent.Progressed(stage.Name, fraction, detail)),
            (partial, ct) =>
            {
                ct.ThrowIfCancellationRequested();
                return SaveAsync(State.RecordPartial(stage.Name, stage.ResultVersion, partial, Stopwatch.GetElapsedTime(started), time.GetUtcNow()));
            },
            () => files.Admit(State.Source.Path, "source file"));
        using var watchdog = (budget ?? StageBudget.Unlimited).Watch(stage.Name, time, cancellationToken);
        try
        {
            // A cancel that arrived while the stage was being entered is recorded like one during the stage.
            cancellationToken.ThrowIfCancellationRequested();
            if (verifySource)
            {
                await files.VerifyAsync(State.Source.Path, State.Source.Sha256, "source file", watchdog.Token);
            }

            var result = await stage.RunAsync(context, watchdog.Token);
            var duration = Stopwatch.GetElapsedTime(started);
            await SaveAsync(State.CompleteStage(stage.Name, stage.ResultVersion, result, duration, time.GetUtcNow()));
            metrics.RecordStage(stage.Name, HighlightsMetrics.Completed, duration);
            observer?.Report(new PipelineEvent.Completed(stage.Name, duration));
            return new StageRun(stage.Name, FromCheckpoint: false, duration.TotalSeconds);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && watchdog.Exceeded is { } reason)
        {
            // Not retried: the same input would exceed the same budget on the next silo.
            await RecordFailureAsync(stage.Name, FailureKind.InputRejected, reason, observer, started);
            throw new InputRejectedException(reason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && interrupted.IsCancellationRequested)
        {
            // The host is going away, not the user: the video waits for the next activation, and this run does not count as a try.
            observer?.Report(new PipelineEvent.Stopped(stage.Name, "interrupted"));
            await SaveAsync(State.Interrupt(time.GetUtcNow()));
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(stage.Name, FailureKind.Cancelled, "cancelled", observer, started);
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not (StateConflictException or BudgetExceededException))
        {
            // A stage stuck in a call that ignores the token fails its own way once the call is torn down (a killed
            // process's exit code, a closed pipe): the cancel came first, so the video ends cancelled, not failed and retried.
            if (interrupted.IsCancellationRequested)
            {
                await SaveAsync(State.Interrupt(time.GetUtcNow()));
            }
            else
            {
                await RecordFailureAsync(stage.Name, FailureKind.Cancelled, "cancelled", observer, started);
            }

            throw new OperationCanceledException("cancelled", ex, cancellationToken);
        }
        catch (BudgetExceededException ex)
        {
            LogBudgetStop(logger, State.VideoId, stage.Name, ex.Message);
            observer?.Report(new PipelineEvent.Stopped(stage.Name, ex.Message));
            metrics.BudgetStops.WithLabels(ex.Scope).Inc();
            await SaveAsync(State.StopForBudget(ex.Message, time.GetUtcNow()));
            throw;
        }
        catch (InputRejectedException ex)
        {
            await RecordFailureAsync(stage.Name, FailureKind.InputRejected, ex.Message, observer, started);
            throw;
        }
        catch (Exception ex) when (ex is not StateConflictException)
        {
            await RecordFailureAsync(stage.Name, FailureKind.Error, ex.Message, observer, started);
            throw;
        }
    }

    private async Task RecordFailureAsync(string stage, FailureKind kind, string message, IProgress<PipelineEvent>? observer, long started)
    {
        metrics.RecordFailure(stage, kind, Stopwatch.GetElapsedTime(started));
        LogStageFailed(logger, State.VideoId, stage, kind, message);
        // A cancel is not a failure to whoever watches: the stage stopped because it was asked to.
        observer?.Report(kind == FailureKind.Cancelled ? new PipelineEvent.Stopped(stage, message) : new PipelineEvent.Failed(stage, message));

        await SaveAsync(State.Fail(kind, message, time.GetUtcNow()));
    }

    /// <summary>
    /// Saves one transition at a time (a stage may checkpoint partial work from any thread). Saves take no
    /// cancellation token: they are short, and a cancel must never leave the stored state half-way between two.
    /// </summary>
    private async Task SaveAsync(VideoState next)
    {
        await saving.WaitAsync(CancellationToken.None);
        try
        {
            State = await store.SaveAsync(next with { Revision = State.Revision }, CancellationToken.None);
        }
        finally
        {
            saving.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {VideoId}: stage {Stage} started")]
    private static partial void LogStageStarted(ILogger logger, string videoId, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: stage {Stage} failed ({Kind}): {Reason}")]
    private static partial void LogStageFailed(ILogger logger, string videoId, string stage, FailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: stage {Stage} stopped at its budget: {Reason}")]
    private static partial void LogBudgetStop(ILogger logger, string videoId, string stage, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {VideoId}: completed, {Ran} stages ran, {Skipped} from checkpoints")]
    private static partial void LogCompleted(ILogger logger, string videoId, int ran, int skipped);
}
