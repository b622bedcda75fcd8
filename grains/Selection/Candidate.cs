namespace Highlights.Grains.Selection;

/// <summary>A window that could become a highlight, before scoring.</summary>
public sealed record Candidate(double Start, double End, string Text)
{
    public double Duration => End - Start;

    public bool Overlaps(Candidate other) => Start < other.End && other.Start < End;
}
