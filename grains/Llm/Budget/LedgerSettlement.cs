namespace Highlights.Grains.Llm.Budget;

/// <summary>What a call actually cost, and the tokens the provider reported for it (zero when it reported none).</summary>
public sealed record LedgerSettlement(decimal Usd, long InputTokens, long OutputTokens);
