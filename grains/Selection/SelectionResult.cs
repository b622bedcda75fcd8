using Highlights.Grains.Llm;

namespace Highlights.Grains.Selection;

/// <summary>A chosen segment: why (reasons), the fused signal scores behind its score, and the LLM's pick when it proposed it.</summary>
public sealed record SelectedSegment(double Start, double End, double Score, IReadOnlyList<string> Reasons, string Text, SignalScores? Signals = null, LlmPick? Pick = null);

/// <summary>Checkpoint of the select stage: the chosen segments in source order, how they were chosen, and what the LLM cost.</summary>
public sealed record SelectionResult(string Method, string SettingsVersion, IReadOnlyList<SelectedSegment> Segments, IReadOnlyList<string> Notes, LlmSelectionSummary? Llm = null)
{
    public double TotalSeconds => Segments.Sum(s => s.End - s.Start);
}
