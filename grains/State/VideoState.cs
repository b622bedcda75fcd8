using System.Collections.Immutable;
using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>
/// The checkpoint of one video: what it is, where its lifecycle stands and every finished stage's result.
/// Immutable; each guarded transition returns the next state, and an illegal move throws.
/// </summary>
public sealed record VideoState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string VideoId { get; init; }
    public required VideoSource Source { get; init; }
    public required ProcessingOptions Options { get; init; }
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

    public static VideoState Create(string videoId, VideoSource source, ProcessingOptions options, DateTimeOffset now) =>
        new() { VideoId = videoId, Source = source, Options = options, CreatedAt = now, UpdatedAt = now };

    public bool IsTerminal => Status is VideoStatus.Completed;

    /// <summary>Starts (or resumes after a crash, failure or cancel) a run. A completed video has nothing to run.</summary>
    public VideoState BeginRun(DateTimeOffset now) => Status switch
    {
        VideoStatus.Completed => throw new IllegalTransitionException($"video {VideoId} is already completed"),
        _ => this with { Status = VideoStatus.Running, Failure = null, CurrentStage = null, Attempts = Attempts + 1, UpdatedAt = now },
    };

    /// <summary>A completed video whose checkpoints a newer stage version invalidated goes back to pending.</summary>
    public VideoState Reopen(DateTimeOffset now) => Status == VideoStatus.Completed
        ? this with { Status = VideoStatus.Pending, UpdatedAt = now }
        : throw new IllegalTransitionException($"video {VideoId} cannot reopen while {Status}");

    public VideoState EnterStage(string stage, DateTimeOffset now)
    {
        RequireRunning($"enter stage {stage}");
        return this with { CurrentStage = stage, UpdatedAt = now };
    }

    public VideoState CompleteStage(string stage, int resultVersion, JsonElement result, TimeSpan duration, DateTimeOffset now)
    {
        RequireRunning($"complete stage {stage}");
        if (CurrentStage != stage)
        {
            throw new IllegalTransitionException($"video {VideoId} cannot complete stage {stage} while in stage {CurrentStage ?? "(none)"}");
        }

        var checkpoint = new StageCheckpoint(stage, resultVersion, result.Clone(), now, duration.TotalSeconds);
        return this with { Checkpoints = Checkpoints.SetItem(stage, checkpoint), Partials = Partials.Remove(stage), CurrentStage = null, UpdatedAt = now };
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
