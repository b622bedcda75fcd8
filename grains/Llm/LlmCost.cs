namespace Highlights.Grains.Llm;

public sealed record LlmCostLine(string Provider, string Model, int Calls, long InputTokens, long OutputTokens, decimal Usd);

/// <summary>What a video's LLM calls cost, in total and per provider and model, for the EDL and the report.</summary>
public sealed record LlmCost(int Calls, long InputTokens, long OutputTokens, decimal Usd, int CallsWithoutUsage, IReadOnlyList<LlmCostLine> ByModel)
{
    public static LlmCost From(IReadOnlyList<LlmCallRecord> calls) => new(
        calls.Count,
        calls.Sum(c => (long)c.InputTokens),
        calls.Sum(c => (long)c.OutputTokens),
        Math.Round(calls.Sum(c => c.Usd), 6),
        calls.Count(c => !c.UsageReported),
        calls.GroupBy(c => (c.Provider, c.Model))
            .OrderBy(g => g.Key.Provider, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new LlmCostLine(g.Key.Provider, g.Key.Model, g.Count(), g.Sum(c => (long)c.InputTokens), g.Sum(c => (long)c.OutputTokens), Math.Round(g.Sum(c => c.Usd), 6)))
            .ToList());
}
