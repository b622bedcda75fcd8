using Highlights.Grains.Edl;
using Highlights.Grains.Render;
using Highlights.Grains.State;
using Highlights.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Highlights.Grains.Actor;

/// <summary>
/// The single owner of one video. Its persisted state is the checkpoint, written after every transition of the
/// pipeline it hosts; a write from a stale activation fails on its ETag and that activation stops. The pipeline runs on
/// the thread pool, not on the grain's scheduler, so status calls answer while a stage runs; its saves and events come
/// back to the grain's scheduler. A submitted video holds a reminder until it is finished, which brings it back on a
/// live silo after its own died.
/// </summary>
[Orleans.Placement.ActivationCountBasedPlacement]
[WorkerSilosOnly]
public sealed partial class VideoGrain(
    [PersistentState("video", VideoGrain.StorageName)] IPersistentState<VideoState> stored,
    VideoPipelineFactory pipelines,
    WorkerSlots slots,
    WorkerSilosOnlyDirector workerSilos,
    IClusterMembershipService membership,
    ILocalSiloDetails silo,
    IVideoIndex index,
    HighlightsMetrics metrics,
    EdlReviser reviser,
    VersionReelRenderer versionRenderer,
    IOptions<VideoRunOptions> options,
    TimeProvider time,
    ILogger<VideoGrain> logger) : Grain, IVideoGrain, IRemindable
{
    /// <summary>The grain storage provider the video's state lives in.</summary>
    public const string StorageName = "videos";

    public const string ResumeReminder = "resume";

    /// <summary>How often a video held by an API-only silo looks for a worker silo to move to (an in-memory check).</summary>
    private static readonly TimeSpan WorkerWatch = TimeSpan.FromSeconds(1);

    private readonly ObserverManager<IVideoObserver> observers = new(TimeSpan.FromMinutes(30), logger);

    private TaskScheduler scheduler = TaskScheduler.Default;

    private ActiveRun? run;

    private IGrainTimer? retryTimer;

    private IGrainTimer? workerWatch;

    private bool created;

    private VideoState? Video => stored.RecordExists || created ? stored.State : null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        scheduler = TaskScheduler.Current;

        // Whatever woke the grain (its reminder, a status call) after its silo died, the video resumes now, and so
        // do the renders of its edited versions.
        ResumeVersionRenders();
        return EnsureRunningAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (run is { } active)
        {
            // The silo is going (or the activation was replaced): the run hands the video back instead of failing it.
            active.Interrupt.Cancel();
            await active.Task.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }

        await StopVersionRendersAsync(cancellationToken);
    }

    public async Task<VideoSnapshot> SubmitAsync(VideoSubmission submission)
    {
        if (Video is null)
        {
            var identity = submission.Identity;
            stored.State = VideoState.Create(identity.VideoId, identity.Source, identity.Options, time.GetUtcNow(), submission.Tenant) with { Unattended = true };
            created = true;
            await WriteAsync(stored.State);
            await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumeInterval, options.Value.ResumeInterval);
            LogSubmitted(logger, identity.VideoId, submission.Tenant);
        }

        await EnsureRunningAsync();
        return Snapshot();
    }

    public Task<VideoSnapshot> RunAsync(VideoRunRequest request)
    {
        var identity = request.Identity;
        if (Video is null)
        {
            stored.State = VideoState.Create(identity.VideoId, identity.Source, identity.Options, time.GetUtcNow());
            created = true;
        }

        if (run is null)
        {
            // The same content may have moved; later stages must read it where it is now.
            stored.State = stored.State with { Source = identity.Source, Options = identity.Options };
            StartRun(request.ThroughStage);
        }

        return Task.FromResult(Snapshot());
    }

    public Task<VideoSnapshot?> GetAsync() => Task.FromResult(Video is null ? null : Snapshot());

    public Task<string?> ResultAsync(string stage) =>
        Task.FromResult(Video?.Checkpoints.TryGetValue(stage, out var checkpoint) == true ? checkpoint.Result.GetRawText() : null);

    public async Task<VideoControl> CancelAsync()
    {
        if (Video is not { } state)
        {
            return new VideoControl(ControlAction.Refused, null);
        }

        var action = ControlDecision.Cancel(state.Status, state.IsQueued(), run is not null);
        if (action == ControlAction.Request)
        {
            run!.Cancel.Cancel();
        }
        else if (action == ControlAction.Apply)
        {
            await WriteAsync(state.Status == VideoStatus.Running
                ? state.Fail(FailureKind.Cancelled, "cancelled", time.GetUtcNow())
                : state.CancelWaiting(time.GetUtcNow()));
            await ForgetReminderAsync();
        }

        return new VideoControl(action, Snapshot());
    }

    public async Task<VideoControl> RetryAsync()
    {
        if (Video is not { } state)
        {
            return new VideoControl(ControlAction.Refused, null);
        }

        var action = ControlDecision.Retry(state.Status, state.IsQueued(), run is not null);
        if (action == ControlAction.Apply)
        {
            await WriteAsync(state.Requeue(time.GetUtcNow()) with { Unattended = true });
            await this.RegisterOrUpdateReminder(ResumeReminder, options.Value.ResumeInterval, options.Value.ResumeInterval);
            await EnsureRunningAsync();
        }

        return new VideoControl(action, Snapshot());
    }

    public async Task ForgetWorkAsync()
    {
        if (run is null && Video is { Status: VideoStatus.Failed or VideoStatus.Cancelled or VideoStatus.BudgetExceeded } state)
        {
            var stale = state.Checkpoints.Keys.Concat(state.Partials.Keys).Where(stage => stage != StageNames.Edl).Distinct().ToList();
            if (stale.Count > 0)
            {
                await WriteAsync(state.DiscardCheckpoints(stale, time.GetUtcNow()));
            }
        }
    }

    public Task SubscribeAsync(IVideoObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IVideoObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => EnsureRunningAsync();

    /// <summary>
    /// Starts the run a submitted video is owed: a new or interrupted one, one whose silo died mid-run, one whose retry
    /// is due. A video whose owners kept dying mid-run fails instead of taking down another silo.
    /// </summary>
    private async Task EnsureRunningAsync()
    {
        if (run is not null || Video is not { Unattended: true } state)
        {
            return;
        }

        if (slots.Capacity == 0)
        {
            // Placed on an API-only silo when no worker silo was up (or before this silo saw one join). It answers
            // calls from here and moves, state and all, as soon as a worker silo is in the cluster; its new
            // activation starts the run. Waiting for the reminder instead could take minutes: a reminder's owner
            // changes when a silo joins.
            workerWatch ??= this.RegisterGrainTimer(MoveToWorkerSilo, new GrainTimerCreationOptions(TimeSpan.Zero, WorkerWatch));
            return;
        }

        var now = time.GetUtcNow();
        switch (state.Status)
        {
            case VideoStatus.Running when state.Attempts >= options.Value.MaxAttempts:
                var message = $"gave up after {state.Attempts} runs: the silos running it stopped without finishing stage {state.CurrentStage ?? "(none)"}";
                LogGaveUp(logger, state.VideoId, message);
                await WriteAsync(state.Fail(FailureKind.Error, message, now));
                await ForgetReminderAsync();
                return;
            case VideoStatus.Running:
                // Its last owner vanished mid-stage (a killed silo): the checkpoints say where to resume.
                LogResumed(logger, state.VideoId, state.CurrentStage ?? "(none)", RuntimeIdentity);
                metrics.Resumes.Inc();
                StartRun(throughStage: null);
                return;
            case VideoStatus.Pending:
            case VideoStatus.Failed when state.NextAttemptAt <= now:
                StartRun(throughStage: null);
                return;
            case VideoStatus.Failed when state.NextAttemptAt is { } at:
                ScheduleRetry(at - now);
                return;
            default:
                await ForgetReminderAsync();
                return;
        }
    }

    private Task MoveToWorkerSilo()
    {
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => m.SiloAddress);
        if (workerSilos.AnyWorker(others))
        {
            LogMoving(logger, stored.State.VideoId, RuntimeIdentity);

            // Once: the migration waits for the activation to be idle, and a tick meanwhile would only say it again.
            workerWatch?.Dispose();
            MigrateOnIdle();
        }

        return Task.CompletedTask;
    }

    private void StartRun(string? throughStage)
    {
        var interrupt = new CancellationTokenSource();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token);
        var pipeline = pipelines.Pipeline(stored.State, new GrainStateStore(this), interrupt.Token);
        var progress = new GrainProgress(this);

        // A run without calls must not be collected as idle; the delay is lifted when it ends.
        DelayDeactivation(TimeSpan.FromDays(30));
        run = new ActiveRun(cancel, interrupt, Task.Run(() => RunPipelineAsync(pipeline, throughStage, progress, cancel.Token, interrupt.Token)));
    }

    private async Task RunPipelineAsync(VideoPipeline pipeline, string? throughStage, IProgress<PipelineEvent> progress, CancellationToken cancel, CancellationToken interrupt)
    {
        IDisposable slot;
        try
        {
            slot = await slots.AcquireAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            await OnGrainAsync(() => EndWaitingAsync(interrupted: interrupt.IsCancellationRequested));
            return;
        }

        using (slot)
        {
            IReadOnlyList<StageRun> runs = [];
            RunFailure? failure = null;
            try
            {
                runs = throughStage is null
                    ? await pipeline.RunAsync(progress, cancel)
                    : await pipeline.RunThroughAsync(throughStage, progress, cancel);
            }
            catch (StateConflictException ex)
            {
                LogStale(logger, ex.VideoId);
                await OnGrainAsync(() => EndStaleAsync());
                return;
            }
            catch (Exception ex)
            {
                failure = RunFailure.Describe(ex);
            }

            await OnGrainAsync(() => EndRunAsync(runs, interrupt.IsCancellationRequested ? null : failure));
        }
    }

    private async Task EndRunAsync(IReadOnlyList<StageRun> runs, RunFailure? failure)
    {
        run = null;
        LiftDeactivationDelay();
        var state = stored.State;
        if (state is { Unattended: true, Status: VideoStatus.Failed, Failure.Kind: FailureKind.Error } && state.Attempts < options.Value.MaxAttempts)
        {
            var delay = RetryBackoff.Delay(state.Attempts, options.Value.RetryBackoff, options.Value.RetryBackoffMax);
            await WriteAsync(state.RetryAt(time.GetUtcNow() + delay, time.GetUtcNow()));
            ScheduleRetry(delay);
        }
        else if (state.Status is not (VideoStatus.Pending or VideoStatus.Running))
        {
            await ForgetReminderAsync();
        }

        observers.Notify(o => o.OnRunEnded(new RunEnded(stored.State, runs, failure)));
    }

    private async Task EndWaitingAsync(bool interrupted)
    {
        run = null;
        LiftDeactivationDelay();
        if (!interrupted && stored.State.Status != VideoStatus.Cancelled)
        {
            await WriteAsync(stored.State.CancelWaiting(time.GetUtcNow()));
            await ForgetReminderAsync();
        }

        observers.Notify(o => o.OnRunEnded(new RunEnded(stored.State, [], new RunFailure(RunFailureKind.Cancelled, "cancelled"))));
    }

    private Task EndStaleAsync()
    {
        // Another activation owns the video now; this one's view is stale and must not be served or written.
        run = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void ScheduleRetry(TimeSpan delay)
    {
        retryTimer?.Dispose();
        retryTimer = this.RegisterGrainTimer(() => EnsureRunningAsync(), new GrainTimerCreationOptions(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan));
    }

    private async Task ForgetReminderAsync()
    {
        if (stored.State.Unattended && await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private VideoSnapshot Snapshot() => new(stored.State.WithoutResults(), run is not null, RuntimeIdentity, run?.Progress);

    /// <summary>Writes <paramref name="next"/> as the video's state. Runs on the grain's scheduler.</summary>
    private async Task<VideoState> WriteAsync(VideoState next)
    {
        if (next.Revision != stored.State.Revision)
        {
            throw new StateConflictException(next.VideoId, next.Revision, stored.State.Revision);
        }

        var previous = stored.State;
        stored.State = next with { Revision = next.Revision + 1 };
        try
        {
            await stored.WriteStateAsync();
        }
        catch (Orleans.Storage.InconsistentStateException ex)
        {
            throw new StateConflictException(next.VideoId, next.Revision, -1, ex);
        }
        catch
        {
            // Not written: the grain keeps serving what is stored.
            stored.State = previous;
            throw;
        }

        if (next.Unattended && (previous.Status != next.Status || previous.NextAttemptAt != next.NextAttemptAt || previous.Revision == 0))
        {
            await IndexAsync(stored.State);
        }

        return stored.State;
    }

    private async Task IndexAsync(VideoState state)
    {
        try
        {
            await index.RecordAsync(state, state.IsQueued(), state.NextAttemptAt ?? state.UpdatedAt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The index catches up at the next status change; the state, which decides, is written.
            LogIndexFailed(logger, state.VideoId, ex);
        }
    }

    private Task OnGrainAsync(Func<Task> work) => OnGrainAsync(async () =>
    {
        await work();
        return true;
    });

    private Task<T> OnGrainAsync<T>(Func<Task<T>> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, scheduler).Unwrap();

    private sealed record ActiveRun(CancellationTokenSource Cancel, CancellationTokenSource Interrupt, Task Task)
    {
        /// <summary>Of the running stage; set on the grain's scheduler.</summary>
        public double? Progress { get; set; }
    }

    /// <summary>The pipeline's saves, carried onto the grain's scheduler (the pipeline runs on the thread pool).</summary>
    private sealed class GrainStateStore(VideoGrain grain) : IVideoStateStore
    {
        public Task<VideoState?> LoadAsync(string videoId, CancellationToken cancellationToken) => Task.FromResult(grain.Video);

        public Task<VideoState> SaveAsync(VideoState state, CancellationToken cancellationToken) => grain.OnGrainAsync(() => grain.WriteAsync(state));
    }

    /// <summary>The pipeline's events, handed to the observers in the order reported.</summary>
    private sealed class GrainProgress(VideoGrain grain) : IProgress<PipelineEvent>
    {
        public void Report(PipelineEvent value) =>
            _ = grain.OnGrainAsync(() =>
            {
                if (grain.run is { } active)
                {
                    active.Progress = value switch
                    {
                        PipelineEvent.Started => 0,
                        PipelineEvent.Progressed { Fraction: var f } when double.IsFinite(f) => Math.Clamp(f, 0, 1),
                        PipelineEvent.Completed or PipelineEvent.Skipped => null,
                        _ => active.Progress,
                    };
                }

                grain.observers.Notify(o => o.OnEvent(value));
                return Task.CompletedTask;
            });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {VideoId}: submitted for tenant {Tenant}")]
    private static partial void LogSubmitted(ILogger logger, string videoId, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: another activation wrote its state; this one stopped")]
    private static partial void LogStale(ILogger logger, string videoId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: resuming at stage {Stage} on {Silo}; the silo running it is gone")]
    private static partial void LogResumed(ILogger logger, string videoId, string stage, string silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Video {VideoId}: moving from API-only silo {Silo} to a worker silo")]
    private static partial void LogMoving(ILogger logger, string videoId, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: could not update the video index")]
    private static partial void LogIndexFailed(ILogger logger, string videoId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Video {VideoId}: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, string videoId, string reason);
}
