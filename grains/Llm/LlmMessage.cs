namespace Highlights.Grains.Llm;

public sealed record LlmMessage(LlmRole Role, string Content);
