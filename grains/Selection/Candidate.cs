namespace Highlights.Grains.Selection;

/// <summary>
/// A window that could become a highlight, before scoring. <see cref="StartFrom"/> and <see cref="EndFrom"/> say, in
/// words for the segment's reasons, where each edge came from (a cue boundary, a signal's rise or fall, an LLM pick).
/// </summary>
public sealed record Candidate(double Start, double End, string Text)
{
    public string? StartFrom { get; init; }

    public string? EndFrom { get; init; }

    public double Duration => End - Start;

    public bool Overlaps(Candidate other) => Start < other.End && other.Start < End;
}
