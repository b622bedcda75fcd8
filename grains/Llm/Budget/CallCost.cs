using System.Globalization;

namespace Highlights.Grains.Llm.Budget;

/// <summary>The budget arithmetic of one call: its worst case before, its cost after, and whether it may be made.</summary>
public static class CallCost
{
    /// <summary>Estimated input plus the full reply cap, at the model's prices: the most the call can cost.</summary>
    public static decimal WorstCase(ModelPrice price, int estimatedInputTokens, int maxOutputTokens) =>
        price.Cost(estimatedInputTokens, maxOutputTokens);

    /// <summary>
    /// Reported usage when there is some; otherwise nothing for a call refused before any work (429, other 4xx), and the
    /// worst case for the rest (a timeout or a 5xx may still be billed).
    /// </summary>
    public static decimal Settled(ModelPrice price, CallStatus status, LlmUsage? usage, decimal worstCase) =>
        usage is { } used ? price.Cost(used.InputTokens, used.OutputTokens)
        : status is CallStatus.RateLimited or CallStatus.Rejected ? 0m
        : worstCase;

    /// <summary>Null when <paramref name="needed"/> fits within what is left of <paramref name="limit"/>; otherwise why not.</summary>
    public static string? Refusal(string budget, decimal limit, decimal spent, decimal needed) =>
        spent + needed <= limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{budget} budget of ${limit:0.00####} reached: ${spent:0.00####} spent, the next call may cost up to ${needed:0.00####}");
}
