using System.Collections.Immutable;
using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>
/// The checkpoint of one video: what it is, where its lifecycle stands and every finished stage's result.
/// Immutable; each guarded transition returns the next state, and an illegal move throws.
/// </summary>
public sealed partial record VideoState
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>The tenant of every video the embedded CLI runs; a cluster video belongs to the tenant of the key that submitted it.</summary>
    public const string LocalTenant = "local";

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string VideoId { get; init; }
    public required VideoSource Source { get; init; }
    public required ProcessingOptions Options { get; init; }

    /// <summary>
    /// Who the video belongs to, and so who pays for it: LLM spend is charged (ledger, metrics) to this tenant. Part of
    /// what the video is rather than of its options, which say what it produces.
    /// </summary>
    public string Tenant { get; init; } = LocalTenant;
    public VideoStatus Status { get; init; } = VideoStatus.Pending;
    public string? CurrentStage { get; init; }
    public VideoFailure? Failure { get; init; }

    /// <summary>Incremented by the store on every save; a save with a stale revision is rejected.</summary>
    public long Revision { get; init; }

    public int Attempts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public ImmutableDictionary<string, StageCheckpoint> Checkpoints { get; init; } =
        ImmutableDictionary<string, StageCheckpoint>.Empty;

    /// <summary>
    /// Work a running stage has finished so far (transcribed windows, answered LLM chunks), so a restart continues
    /// from there. Replaced by the stage's checkpoint when it completes.
    /// </summary>
    public ImmutableDictionary<string, StageCheckpoint> Partials { get; init; } =
        ImmutableDictionary<string, StageCheckpoint>.Empty;

    /// <summary>Per stage, how many runs entered it and how many completed it, across every host that ran the video.</summary>
    public ImmutableDictionary<string, StageTally> Tallies { get; init; } =
        ImmutableDictionary<string, StageTally>.Empty;

    /// <summary>
    /// Submitted to a cluster: its runs start, resume after a dead silo and retry after a failure without anyone waiting
    /// on them. The CLI's videos run while the command runs, and again when it is run again.
    /// </summary>
    public bool Unattended { get; init; }

    /// <summary>When a failed run is tried again (a backoff after a failure with tries left); null when no retry is due.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Edited EDLs, version 2 on, oldest first (see <see cref="EdlVersion"/>); empty in state written before versions existed.</summary>
    public ImmutableList<EdlVersion> EdlVersions { get; init; } = ImmutableList<EdlVersion>.Empty;

    public static VideoState Create(string videoId, VideoSource source, ProcessingOptions options, DateTimeOffset now, string tenant = LocalTenant) =>
        new() { VideoId = videoId, Source = source, Options = options, Tenant = tenant, CreatedAt = now, UpdatedAt = now };

    public bool IsTerminal => Status is VideoStatus.Completed;

    /// <summary>A submitted video waiting for a silo to run it: new, interrupted, or failed with a retry to come.</summary>
    public bool IsQueued() => Unattended && (Status == VideoStatus.Pending || NextAttemptAt is not null);

    /// <summary>Starts (or resumes after a crash, failure or cancel) a run. A completed video has nothing to run.</summary>
    public VideoState BeginRun(DateTimeOffset now) => Status switch
    {
        VideoStatus.Completed => throw new IllegalTransitionException($"video {VideoId} is already completed"),
        _ => this with { Status = VideoStatus.Running, Failure = null, CurrentStage = null, NextAttemptAt = null, Attempts = Attempts + 1, UpdatedAt = now },
    };

    /// <summary>
    /// The host stopped the run (a silo shutting down): the video waits for its next activation, where it resumes at
    /// the stage that was running, and the run is not counted as a try.
    /// </summary>
    public VideoState Interrupt(DateTimeOffset now)
    {
        RequireRunning("interrupt");
        return this with { Status = VideoStatus.Pending, CurrentStage = null, Attempts = Math.Max(0, Attempts - 1), UpdatedAt = now };
    }

    /// <summary>A failed run that will be tried again at <paramref name="at"/>.</summary>
    public VideoState RetryAt(DateTimeOffset at, DateTimeOffset now) => Status == VideoStatus.Failed
        ? this with { NextAttemptAt = at, UpdatedAt = now }
        : throw new IllegalTransitionException($"video {VideoId} cannot schedule a retry while {Status}");

    /// <summary>Cancels a video that is not running: one waiting to start or to be tried again.</summary>
    public VideoState CancelWaiting(DateTimeOffset now) => Status is VideoStatus.Pending or VideoStatus.Failed
        ? this with
        {
            Status = VideoStatus.Cancelled,
            NextAttemptAt = null,
            Failure = new VideoFailure(CurrentStage ?? "(queued)", FailureKind.Cancelled, "cancelled", now),
            UpdatedAt = now,
        }
        : throw new IllegalTransitionException($"video {VideoId} cannot be cancelled while {Status}");

    /// <summary>Puts a finished (failed, cancelled or budget-stopped) video back in line with a fresh count of tries.</summary>
    public VideoState Requeue(DateTimeOffset now) => Status is VideoStatus.Failed or VideoStatus.Cancelled or VideoStatus.BudgetExceeded
        ? this with { Status = VideoStatus.Pending, Failure = null, NextAttemptAt = null, CurrentStage = null, Attempts = 0, UpdatedAt = now }
        : throw new IllegalTransitionException($"video {VideoId} cannot be retried while {Status}");

    private StageTally TallyOf(string stage) => Tallies.GetValueOrDefault(stage) ?? new StageTally(0, 0);

    /// <summary>A completed video whose checkpoints a newer stage version invalidated goes back to pending.</summary>
    public VideoState Reopen(DateTimeOffset now) => Status == VideoStatus.Completed
        ? this with { Status = VideoStatus.Pending, UpdatedAt = now }
        : throw new IllegalTransitionException($"video {VideoId} cannot reopen while {Status}");

    public VideoState EnterStage(string stage, DateTimeOffset now)
    {
        RequireRunning($"enter stage {stage}");
        return this with { CurrentStage = stage, Tallies = Tallies.SetItem(stage, TallyOf(stage) with { Runs = TallyOf(stage).Runs + 1 }), UpdatedAt = now };
    }

    public VideoState CompleteStage(string stage, int resultVersion, JsonElement result, TimeSpan duration, DateTimeOffset now)
    {
        RequireRunning($"complete stage {stage}");
        if (CurrentStage != stage)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot complete stage {stage} while in stage {CurrentStage ?? "(none)"}");
        }

        var checkpoint = new StageCheckpoint(stage, resultVersion, result.Clone(), now, duration.TotalSeconds);
        return this with
        {
            Checkpoints = Checkpoints.SetItem(stage, checkpoint),
            Partials = Partials.Remove(stage),
            Tallies = Tallies.SetItem(stage, TallyOf(stage) with { Completions = TallyOf(stage).Completions + 1 }),
            CurrentStage = null,
            UpdatedAt = now,
        };
    }

    /// <summary>Records part of the running stage's work; only the stage that is running may do so.</summary>
    public VideoState RecordPartial(string stage, int resultVersion, JsonElement partial, TimeSpan elapsed, DateTimeOffset now)
    {
        RequireRunning($"record progress of stage {stage}");
        if (CurrentStage != stage)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot record progress of stage {stage} while in stage {CurrentStage ?? "(none)"}");
        }

        var partialCheckpoint = new StageCheckpoint(stage, resultVersion, partial.Clone(), now, elapsed.TotalSeconds);
        return this with { Partials = Partials.SetItem(stage, partialCheckpoint), UpdatedAt = now };
    }

    /// <summary>The running stage's saved partial work, if it was written by the same result version.</summary>
    public T? PartialOf<T>(string stage, int resultVersion) where T : class =>
        Partials.TryGetValue(stage, out var partial) && partial.ResultVersion == resultVersion
            ? partial.Result.Deserialize<T>(StateJson.Options)
            : null;

    /// <summary>Drops checkpoints that later stages built on, when an earlier stage must run again.</summary>
    public VideoState DiscardCheckpoints(IEnumerable<string> stages, DateTimeOffset now)
    {
        var discarded = stages.ToList();
        return this with { Checkpoints = Checkpoints.RemoveRange(discarded), Partials = Partials.RemoveRange(discarded), UpdatedAt = now };
    }

    /// <summary>Ends a run that was asked for only part of the pipeline: nothing runs, nothing failed, the rest is still to do.</summary>
    public VideoState Pause(DateTimeOffset now)
    {
        RequireRunning("pause");
        return this with { Status = VideoStatus.Pending, CurrentStage = null, UpdatedAt = now };
    }

    public VideoState Fail(FailureKind kind, string message, DateTimeOffset now)
    {
        RequireRunning("fail");
        if (kind == FailureKind.BudgetExceeded)
        {
            throw new IllegalTransitionException($"video {VideoId}: a budget stop is not a failure; use {nameof(StopForBudget)}");
        }

        var status = kind == FailureKind.Cancelled ? VideoStatus.Cancelled : VideoStatus.Failed;
        return this with
        {
            Status = status,
            Failure = new VideoFailure(CurrentStage ?? "(between stages)", kind, message, now),
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// Stops the run because spending more would overrun a budget. Unlike <see cref="Fail"/> nothing went wrong:
    /// the current stage's partial work is kept and a run with a larger budget continues from it.
    /// </summary>
    public VideoState StopForBudget(string message, DateTimeOffset now)
    {
        RequireRunning("stop for budget");
        return this with
        {
            Status = VideoStatus.BudgetExceeded,
            Failure = new VideoFailure(CurrentStage ?? "(between stages)", FailureKind.BudgetExceeded, message, now),
            UpdatedAt = now,
        };
    }

    public VideoState Complete(IEnumerable<string> requiredStages, DateTimeOffset now)
    {
        RequireRunning("complete");
        var missing = requiredStages.Where(s => !Checkpoints.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot complete: stages without a checkpoint: {string.Join(", ", missing)}");
        }

        return this with { Status = VideoStatus.Completed, CurrentStage = null, UpdatedAt = now };
    }

    /// <summary>
    /// The state without its stages' results and partial work (which can be megabytes of transcript): what a status
    /// question needs, cheap to send. The checkpoints keep their stage, version, time and duration.
    /// </summary>
    public VideoState WithoutResults() => this with
    {
        Checkpoints = Checkpoints.ToImmutableDictionary(c => c.Key, c => c.Value with { Result = NoResult }),
        Partials = ImmutableDictionary<string, StageCheckpoint>.Empty,
        EdlVersions = EdlVersions.ConvertAll(v => v with { Edl = NoResult }),
    };

    private static readonly JsonElement NoResult = JsonDocument.Parse("null").RootElement.Clone();

    public T? ResultOf<T>(string stage) where T : class =>
        Checkpoints.TryGetValue(stage, out var checkpoint) ? checkpoint.Result.Deserialize<T>(StateJson.Options) : null;

    private void RequireRunning(string action)
    {
        if (Status != VideoStatus.Running)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot {action} while {Status}");
        }
    }
}
