using Highlights.Grains.Selection;
using Highlights.Grains.State;

namespace Highlights.Grains.Llm;

/// <summary>One video's LLM selection: who pays (video id, tenant, budget), which model, what to read, and the title the prompt names.</summary>
public sealed record LlmSelectionRequest(string VideoId, string Tenant, string Title, LlmChoice Choice, decimal VideoBudgetUsd, BudgetAction OnBudgetExceeded, SelectionInput Input);
