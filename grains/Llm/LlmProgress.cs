namespace Highlights.Grains.Llm;

/// <summary>
/// The select stage's partial checkpoint on the LLM path: the chunks finished so far and every call made for this
/// video, across runs. The calls are the video's cost ledger: its budget is checked against their sum.
/// </summary>
public sealed record LlmProgress(IReadOnlyList<ChunkOutcome> Chunks, IReadOnlyList<LlmCallRecord> Calls)
{
    public static LlmProgress Empty { get; } = new([], []);

    public decimal SpentUsd => Calls.Sum(c => c.Usd);

    /// <summary>
    /// How far the provider's input token counts have exceeded our estimates, at least 1. Later estimates are scaled by it,
    /// so a tokenizer that counts more than <see cref="TokenEstimator"/> cannot overrun the budget twice.
    /// </summary>
    public double Calibration => Calls
        .Where(c => c.UsageReported && c.EstimatedInputTokens > 0)
        .Select(c => (double)c.InputTokens / c.EstimatedInputTokens)
        .Append(1.0)
        .Max();

    public LlmProgress WithCall(LlmCallRecord call) =>
        this with { Calls = [.. Calls.Where(c => c.Id != call.Id), call] };

    public LlmProgress WithChunk(ChunkOutcome outcome) =>
        this with { Chunks = [.. Chunks.Where(c => c.Key != outcome.Key), outcome] };
}
