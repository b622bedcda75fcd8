namespace Highlights.Grains.Selection;

/// <summary>A candidate with its fused score and the signal values behind it (kept for the EDL's reasons); <see cref="Pick"/> when the LLM proposed it.</summary>
public sealed record ScoredCandidate(Candidate Window, double Score, SignalScores Signals, double KeywordDensity, IReadOnlyList<string> Keywords, LlmPick? Pick = null);
