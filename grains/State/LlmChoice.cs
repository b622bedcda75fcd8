namespace Highlights.Grains.State;

/// <summary>Which LLM picks the highlights: a provider adapter (<c>openai</c> speaks to any OpenAI-compatible server) and its model name.</summary>
public sealed record LlmChoice(string Provider, string Model);
