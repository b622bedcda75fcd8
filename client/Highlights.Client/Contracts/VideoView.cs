using System.Text.Json.Serialization;

namespace Highlights.Client.Contracts;

/// <summary>Answer of <c>GET /v1/videos/{id}</c> (and of submit, cancel and retry).</summary>
public sealed record VideoView
{
    public required string Id { get; init; }

    /// <summary><c>pending</c>, <c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The stage running now (or that was running when it stopped).</summary>
    public string? Stage { get; init; }

    /// <summary>True while the video waits for a silo (new, retried, or after a failure with attempts left).</summary>
    public bool Queued { get; init; }

    /// <summary>When the next attempt may start, if it waits out a retry backoff.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Fraction 0..1 of the whole pipeline done.</summary>
    public double Progress { get; init; }

    /// <summary>Runs begun so far, across all silos.</summary>
    public int Attempts { get; init; }

    /// <summary>The silo whose grain holds the video now.</summary>
    public string? Silo { get; init; }

    public VideoError? Error { get; init; }

    public required CostTotals Costs { get; init; }

    public required VideoSourceView Source { get; init; }

    public required VideoOptionsView Options { get; init; }

    public required IReadOnlyList<StageView> Stages { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public bool IsFinished => Status is "completed" or "failed" or "cancelled" or "budget_exceeded" && !Queued;
}

public sealed record VideoError(string Stage, string Kind, string Message, DateTimeOffset At);

public sealed record VideoSourceView(string Path, long SizeBytes, string Sha256);

public sealed record VideoOptionsView(double TargetDuration, bool ToneMap, string? Captions);

/// <param name="Status"><c>done</c>, <c>running</c> or <c>waiting</c>.</param>
/// <param name="Runs">Times a run of the video started the stage, across all silos.</param>
/// <param name="Completions">Times the stage completed: 1 for a stage that did its work once, however many silos died around it.</param>
/// <param name="CompletedAt">When a done stage finished; with <paramref name="DurationSeconds"/> it places the stage's work in time.</param>
public sealed record StageView(string Name, string Status, double? DurationSeconds, int Runs = 0, int Completions = 0, DateTimeOffset? CompletedAt = null);

public sealed record CostTotals(decimal Usd, long InputTokens, long OutputTokens);
