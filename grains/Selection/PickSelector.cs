using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>
/// Ranking for the LLM path: the offline selector's scorer and fitter, with the LLM term present for picks. Picks are
/// de-duplicated first (overlapping chunks propose the same moment twice); offline windows fill the parts of the
/// transcript no LLM answered for (a budget reached with the Offline action), with the LLM term absent.
/// </summary>
public sealed class PickSelector(OfflineSelectorSettings settings)
{
    public const string Method = "llm";

    private readonly CandidateScorer scorer = new(settings);

    /// <param name="offlineRuns">Inclusive cue index ranges to select offline.</param>
    public List<SelectedSegment> Select(SelectionInput input, IReadOnlyList<LlmPick> picks, IReadOnlyList<(int First, int Last)> offlineRuns, CancellationToken cancellationToken = default)
    {
        var signals = input.Signals;
        var scoredPicks = picks.Select(p => scorer.Score(new Candidate(p.Start, p.End, TextBetween(input.Cues, p.Start, p.End)), signals, hasTranscript: true, p));
        var windows = offlineRuns
            .SelectMany(run => CandidateWindows.FromCues([.. input.Cues.Skip(run.First).Take(run.Last - run.First + 1)], settings.MinClipSeconds, settings.MaxClipSeconds, cancellationToken: cancellationToken))
            .Select(w => scorer.Score(w, signals, hasTranscript: true));
        var candidates = CandidateDeduplicator.Deduplicate(scoredPicks, settings.DuplicateOverlap).Concat(windows);
        return TargetFitter.Fit(candidates, input.TargetSeconds).Select(c => SegmentReasons.ToSegment(c, hasTranscript: true, signals)).ToList();
    }

    /// <summary>The text of the cues inside [start, end]: picks are snapped to cue boundaries, so this is whole lines.</summary>
    public static string TextBetween(IReadOnlyList<Cue> cues, double start, double end) =>
        string.Join(' ', cues.Where(c => c.Start >= start - 1e-6 && c.End <= end + 1e-6).Select(c => c.Text));
}
