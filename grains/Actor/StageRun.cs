namespace Highlights.Grains.Actor;

/// <summary>How a stage fared in one run of the grain: executed now, or taken from a checkpoint.</summary>
public sealed record StageRun(string Stage, bool FromCheckpoint, double DurationSeconds);
