using System.Globalization;

namespace Highlights.Grains.Edl;

/// <summary>
/// Why an EDL cannot be rendered: the segment (1-based, as a person counts them; null for the document itself), the
/// JSON field at fault and what is wrong with it.
/// </summary>
public sealed record EdlProblem(int? Segment, string? SegmentId, string Field, string Reason)
{
    /// <summary>One line, e.g. <c>segment 2 (s002) end: 400.0 s is past the end of the source (73.0 s)</c>.</summary>
    public override string ToString() => Segment is { } index
        ? string.Create(CultureInfo.InvariantCulture, $"segment {index}{(SegmentId is { Length: > 0 } id ? $" ({id})" : string.Empty)} {Field}: {Reason}")
        : $"{Field}: {Reason}";
}
