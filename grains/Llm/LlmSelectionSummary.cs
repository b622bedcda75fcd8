using Highlights.Grains.State;

namespace Highlights.Grains.Llm;

public sealed record LlmChunkCounts(int Total, int Answered, int Dropped, int Offline, int FromCheckpoint);

/// <summary>The budgets in force, and whether the run reached one; <see cref="Action"/> says what it did then.</summary>
public sealed record LlmBudgetReport(decimal VideoUsd, decimal DailyUsd, bool Reached, BudgetAction? Action, string? Message);

/// <summary>How the LLM selection went: provider, model, prompt and price versions, chunks, budget, and cost.</summary>
public sealed record LlmSelectionSummary(
    string Provider,
    string Model,
    string PromptVersion,
    string SettingsVersion,
    string PriceTableVersion,
    LlmChunkCounts Chunks,
    LlmBudgetReport Budget,
    LlmCost Cost);
