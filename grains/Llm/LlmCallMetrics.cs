using Highlights.Grains.Telemetry;

namespace Highlights.Grains.Llm;

/// <summary>Puts a settled LLM attempt on the process's counters (the ledger stays the record of what was spent).</summary>
internal static class LlmCallMetrics
{
    public static void Record(LlmCallRecord call, string tenant)
    {
        var provider = new KeyValuePair<string, object?>("provider", call.Provider);
        var model = new KeyValuePair<string, object?>("model", call.Model);
        var owner = new KeyValuePair<string, object?>("tenant", tenant);
        HighlightsMetrics.LlmCalls.Add(1, provider, model, owner);
        HighlightsMetrics.LlmCost.Add((double)call.Usd, provider, model, owner);
        HighlightsMetrics.LlmTokens.Add(call.InputTokens, provider, model, owner, new("direction", "input"));
        HighlightsMetrics.LlmTokens.Add(call.OutputTokens, provider, model, owner, new("direction", "output"));
        if (call.Status != CallStatus.Ok)
        {
            HighlightsMetrics.LlmFailures.Add(1, provider, model, owner, new("reason", call.Status.ToString().ToLowerInvariant()));
        }
    }
}
