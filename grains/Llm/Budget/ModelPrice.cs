namespace Highlights.Grains.Llm.Budget;

/// <summary>A model's prices in USD per million tokens.</summary>
public sealed record ModelPrice(decimal Input, decimal Output)
{
    public decimal Cost(long inputTokens, long outputTokens) => ((inputTokens * Input) + (outputTokens * Output)) / 1_000_000m;
}
