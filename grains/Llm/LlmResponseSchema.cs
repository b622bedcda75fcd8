namespace Highlights.Grains.Llm;

/// <summary>A JSON Schema the reply must follow, by name, as providers with structured outputs take it.</summary>
public sealed record LlmResponseSchema(string Name, string SchemaJson);
