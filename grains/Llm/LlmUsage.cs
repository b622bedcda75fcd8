namespace Highlights.Grains.Llm;

/// <summary>Tokens a call consumed, as the provider reports them; this is what it bills.</summary>
public sealed record LlmUsage(int InputTokens, int OutputTokens);
