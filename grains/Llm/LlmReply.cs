namespace Highlights.Grains.Llm;

/// <summary>The model's text and what the provider says the call used; <paramref name="Usage"/> is null when it reported none.</summary>
public sealed record LlmReply(string Content, LlmUsage? Usage);
