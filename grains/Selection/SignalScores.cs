namespace Highlights.Grains.Selection;

/// <summary>
/// The terms fused into a candidate's score, each 0..1, null when its signal is missing: the LLM's score / 100,
/// keyword density × gain (capped at 1), mean audio excitement (or loudness) and mean visual reaction.
/// </summary>
public sealed record SignalScores(double? Llm, double? Keywords, double? Audio, double? Visual)
{
    public SignalScores Rounded() => new(Round(Llm), Round(Keywords), Round(Audio), Round(Visual));

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}
