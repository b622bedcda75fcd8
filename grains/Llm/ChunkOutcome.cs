using Highlights.Grains.Selection;

namespace Highlights.Grains.Llm;

/// <summary>A finished chunk, checkpointed as soon as it is done so that no run pays for it again.</summary>
public sealed record ChunkOutcome(string Key, int Index, double Start, double End, ChunkStatus Status, IReadOnlyList<LlmPick> Picks, string? Note, string PromptVersion);
