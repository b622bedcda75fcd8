namespace Highlights.Grains.Selection;

/// <summary>A candidate with its fused score and the signal values behind it (kept for the EDL's reasons).</summary>
public sealed record ScoredCandidate(Candidate Window, double Score, double KeywordDensity, double Energy, IReadOnlyList<string> Keywords);
