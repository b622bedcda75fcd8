using System.Globalization;

namespace Highlights.Grains.Selection;

/// <summary>
/// A target shorter than the shortest candidate still gets a reel, the best candidate alone (a clip cut mid-sentence is
/// worse than a long one); this says so, so a 5 s reel for a 2.5 s target is explained rather than looking like a bug.
/// </summary>
public static class TargetOverrun
{
    /// <summary>Within a frame at 24 fps: rounding of cut points is not an overrun.</summary>
    private const double Tolerance = 1.0 / 24;

    public static SelectionResult Explain(SelectionResult result, double targetSeconds, bool hasTranscript)
    {
        var total = result.TotalSeconds;
        if (result.Segments.Count == 0 || total <= targetSeconds + Tolerance)
        {
            return result;
        }

        var shortest = hasTranscript ? "the shortest run of whole caption cues" : "the shortest window";
        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"the target of {targetSeconds:0.###} s is shorter than {shortest}: the reel is its best candidate alone, {total:0.0} s");
        return result with { Notes = [.. result.Notes, note] };
    }
}
