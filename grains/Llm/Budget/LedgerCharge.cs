namespace Highlights.Grains.Llm.Budget;

/// <summary>One call about to be made, at its worst-case cost, charged to a video of a tenant.</summary>
public sealed record LedgerCharge(string VideoId, string Tenant, string Provider, string Model, decimal Usd);
