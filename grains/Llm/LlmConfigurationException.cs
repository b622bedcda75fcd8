namespace Highlights.Grains.Llm;

/// <summary>The LLM settings cannot work as given (no price for the model, no key for OpenAI, a broken prompt file). The message says what to fix.</summary>
public sealed class LlmConfigurationException(string message) : Exception(message);
