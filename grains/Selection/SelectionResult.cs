namespace Highlights.Grains.Selection;

public sealed record SelectedSegment(double Start, double End, double Score, IReadOnlyList<string> Reasons, string Text);

/// <summary>Checkpoint of the select stage: the chosen segments in source order, and how they were chosen.</summary>
public sealed record SelectionResult(string Method, string SettingsVersion, IReadOnlyList<SelectedSegment> Segments, IReadOnlyList<string> Notes)
{
    public double TotalSeconds => Segments.Sum(s => s.End - s.Start);
}
