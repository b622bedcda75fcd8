namespace Highlights.Grains.Selection;

/// <summary>Measures a candidate's terms (LLM score, keywords, audio, visual, their agreement) and fuses them; the one scoring rule of every selector.</summary>
public sealed class CandidateScorer(OfflineSelectorSettings settings)
{
    private readonly KeywordMatcher keywords = new(settings.Lexicon);

    public ScoredCandidate Score(Candidate window, SelectionSignals signals, bool hasTranscript, LlmPick? pick = null)
    {
        var (density, found) = hasTranscript ? keywords.Measure(window.Text) : (0, []);
        var scores = new SignalScores(
            pick is null ? null : pick.Score / 100.0,
            hasTranscript ? Math.Min(1, density * settings.KeywordGain) : null,
            signals.Audio?.MeanBetween(window.Start, window.End),
            signals.Visual?.MeanBetween(window.Start, window.End),
            signals is { Audio: { } audio, Visual: { } visual } ? SignalAgreement.Between(audio, visual, window.Start, window.End) : null);
        return new ScoredCandidate(window, SignalFusion.Fuse(scores, settings), scores, density, found, pick);
    }
}
