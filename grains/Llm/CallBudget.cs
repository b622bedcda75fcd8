using Highlights.Grains.Llm.Budget;

namespace Highlights.Grains.Llm;

/// <summary>Whose calls these are (video and tenant), at what price, and the two limits each one must fit.</summary>
public sealed record CallBudget(string VideoId, string Tenant, string Provider, string Model, ModelPrice Price, decimal VideoLimitUsd, decimal DailyLimitUsd);
