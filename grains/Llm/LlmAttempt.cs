namespace Highlights.Grains.Llm;

/// <summary>Which call an attempt belongs to: the chunk, the purpose (picks or repair) and its number, from 1.</summary>
public sealed record LlmAttempt(int Chunk, string Purpose, int Number);
