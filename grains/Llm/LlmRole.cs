namespace Highlights.Grains.Llm;

public enum LlmRole
{
    System,
    User,
    Assistant,
}
