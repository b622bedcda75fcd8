using Highlights.Grains.Llm;

namespace Highlights.Cli.Output;

/// <summary>
/// The <c>report.json</c> of a run the budget stopped: no EDL or reel, but what was finished, what it cost, and how to go on.
/// </summary>
public sealed record BudgetStopReport(string VideoId, string Source, string Status, string Message, int ChunksFinished, LlmCost Cost, string Next)
{
    public static BudgetStopReport From(string videoId, string source, string message, LlmProgress? progress) => new(
        videoId,
        source,
        "budget_exceeded",
        message,
        progress?.Chunks.Count ?? 0,
        LlmCost.From(progress?.Calls ?? []),
        "run the same command with a larger --budget-usd to continue from the finished chunks, or add --on-budget offline to finish without the LLM");
}
