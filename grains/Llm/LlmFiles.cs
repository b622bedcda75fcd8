namespace Highlights.Grains.Llm;

/// <summary>Where the run-time LLM files are: the prompt templates' folder and the price table.</summary>
public sealed record LlmFiles(string PromptsDirectory, string PriceTablePath);
