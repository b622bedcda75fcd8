using Highlights.Grains.State;

namespace Highlights.Silo.Cluster;

/// <summary>
/// A video as the API sees it: the grain's state (without checkpoint contents, which can be large), the stages
/// that have a checkpoint, and where it stands in the queue.
/// </summary>
public sealed record VideoRecord(
    VideoState State,
    IReadOnlyList<StageSummary> CompletedStages,
    string Tenant,
    bool Queued,
    DateTimeOffset NotBefore,
    int Tries,
    string? LeaseOwner,
    DateTimeOffset? LeaseExpiresAt,
    bool CancelRequested,
    double? Progress,
    string? LastError);

public sealed record StageSummary(string Stage, DateTimeOffset CompletedAt, double DurationSeconds);
