namespace Highlights.Grains.Llm.Budget;

/// <summary>One call about to be made, at its worst-case cost.</summary>
public sealed record LedgerCharge(string VideoId, string Provider, string Model, decimal Usd);
