namespace Highlights.Silo.Costs;

/// <summary>One paid call: who spent it, on which video, with which provider and model.</summary>
public sealed record CostEntry(string? VideoId, string Tenant, string Provider, string Model, long InputTokens, long OutputTokens, decimal Usd, DateTimeOffset At);
