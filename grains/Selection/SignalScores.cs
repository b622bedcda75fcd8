using System.Text.Json.Serialization;

namespace Highlights.Grains.Selection;

/// <summary>
/// The terms fused into a candidate's score, each 0..1, null when its signal is missing: the LLM's score / 100,
/// keyword density × gain (capped at 1), mean audio excitement (or loudness), mean visual reaction, and how far the
/// two agree (<see cref="SignalAgreement"/>, only with both measured by the signals stage).
/// </summary>
/// <param name="Agreement">
/// Not written into the EDL's <c>signals</c> (its schema lists the four measured terms); a segment's reasons give it.
/// </param>
public sealed record SignalScores(double? Llm, double? Keywords, double? Audio, double? Visual, [property: JsonIgnore] double? Agreement = null)
{
    public SignalScores Rounded() => new(Round(Llm), Round(Keywords), Round(Audio), Round(Visual), Round(Agreement));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
