namespace Highlights.Grains.Llm;

/// <summary>
/// A chat request. <paramref name="MaxOutputTokens"/> caps the reply (and so its cost); <paramref name="Schema"/>,
/// when set, asks the provider for structured output that matches it.
/// </summary>
public sealed record LlmRequest(string Model, IReadOnlyList<LlmMessage> Messages, int MaxOutputTokens, LlmResponseSchema? Schema);
