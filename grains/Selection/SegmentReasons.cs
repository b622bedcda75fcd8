using System.Globalization;

namespace Highlights.Grains.Selection;

/// <summary>Turns a scored candidate into an EDL-bound segment whose reasons say, in words, what made it score and where its edges came from.</summary>
public static class SegmentReasons
{
    public static SelectedSegment ToSegment(ScoredCandidate candidate, bool hasTranscript, SelectionSignals signals) =>
        new(
            candidate.Window.Start,
            candidate.Window.End,
            Math.Round(candidate.Score, 4),
            For(candidate, hasTranscript, signals),
            candidate.Window.Text,
            candidate.Signals.Rounded(),
            candidate.Pick);

    public static List<string> For(ScoredCandidate candidate, bool hasTranscript, SelectionSignals signals)
    {
        var reasons = new List<string>();
        if (candidate.Pick is { } pick)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"LLM {pick.Score}/100: {pick.Title}: {pick.Reason}"));
        }

        if (candidate.Keywords.Count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"keywords: {string.Join(", ", candidate.Keywords)} (density {candidate.KeywordDensity:0.000})"));
        }
        else if (hasTranscript)
        {
            reasons.Add("no lexicon keywords");
        }

        if (signals.Audio is { } audio)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{audio.Name} {candidate.Signals.Audio:0.00}"));
        }

        if (signals.Visual is { } visual)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{visual.Name} {candidate.Signals.Visual:0.00}"));
        }

        if (candidate.Signals.Agreement is { } agreement)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"sound and picture agree {agreement:0.00}"));
        }

        if (!hasTranscript && signals.Audio is null && signals.Visual is null)
        {
            reasons.Add("evenly spaced (no signal)");
        }

        if (candidate.Window.StartFrom is { } startFrom)
        {
            reasons.Add($"start: {startFrom}");
        }

        if (candidate.Window.EndFrom is { } endFrom)
        {
            reasons.Add($"end: {endFrom}");
        }

        return reasons;
    }
}
