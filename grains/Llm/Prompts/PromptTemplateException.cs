namespace Highlights.Grains.Llm.Prompts;

/// <summary>A prompt template is malformed, uses an unknown variable, or was rendered without one of its values.</summary>
public sealed class PromptTemplateException(string message) : Exception(message);
