using System.Text.Json;

namespace Highlights.Grains.State;

/// <summary>
/// A finished stage's result, stored as JSON so the state store needs no knowledge of stage types.
/// <paramref name="ResultVersion"/> lets a stage invalidate checkpoints written by an older result shape.
/// </summary>
public sealed record StageCheckpoint(
    string Stage,
    int ResultVersion,
    JsonElement Result,
    DateTimeOffset CompletedAt,
    double DurationSeconds);
