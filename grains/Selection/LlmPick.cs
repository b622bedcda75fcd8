namespace Highlights.Grains.Selection;

/// <summary>
/// A moment the LLM proposed, with its times already clamped to its chunk and snapped to cue boundaries.
/// <see cref="Score"/> is the model's own 0-100 rating.
/// </summary>
public sealed record LlmPick(int Chunk, double Start, double End, string Title, string Hook, string Reason, int Score, string Quote);
