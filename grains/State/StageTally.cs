namespace Highlights.Grains.State;

/// <summary>How many runs entered a stage and how many completed it; a stage that completes twice did paid work twice.</summary>
public sealed record StageTally(int Runs, int Completions);
