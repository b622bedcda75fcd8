namespace Highlights.Grains.Selection;

/// <summary>A candidate with its fused score and the signal values behind it (kept for the EDL's reasons).</summary>
/// <param name="Energy">Mean audio value of the window: audio excitement when signals exist, else normalised loudness.</param>
/// <param name="VisualReaction">Mean visual reaction of the window (0 when there are no visual signals).</param>
public sealed record ScoredCandidate(Candidate Window, double Score, double KeywordDensity, double Energy, IReadOnlyList<string> Keywords, double VisualReaction = 0);
