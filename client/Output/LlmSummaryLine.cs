using System.Globalization;
using Highlights.Grains.Llm;

namespace Highlights.Cli.Output;

/// <summary>One line for the terminal: which model picked the highlights and what it cost.</summary>
public static class LlmSummaryLine
{
    public static string Format(LlmSelectionSummary llm)
    {
        var cost = llm.Cost;
        var budget = llm.Budget.Reached ? $"; budget reached, {llm.Chunks.Offline} chunk(s) selected offline" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"llm:    {llm.Provider}/{llm.Model}, {llm.Chunks.Answered}/{llm.Chunks.Total} chunks answered, {cost.Calls} calls, {cost.InputTokens} in + {cost.OutputTokens} out tokens, ${cost.Usd:0.0000}{budget}");
    }
}
