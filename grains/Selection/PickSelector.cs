using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>
/// Ranking for the LLM path: the offline selector's scorer and fitter, with the LLM term present for picks. Picks are
/// de-duplicated first (overlapping chunks propose the same moment twice); offline windows fill the parts of the
/// transcript no LLM answered for (a budget reached with the Offline action), with the LLM term absent. The signal
/// windows (<see cref="SignalWindows"/>) compete as in the offline selector: one that lies mostly inside a pick is
/// that pick with edges that follow the moment, and carries its LLM term; one inside an offline run competes with
/// that run's windows.
/// </summary>
public sealed class PickSelector(OfflineSelectorSettings settings)
{
    public const string Method = "llm";

    public const string PickEdge = "LLM pick, on a cue boundary";

    private readonly CandidateScorer scorer = new(settings);

    /// <param name="offlineRuns">Inclusive cue index ranges to select offline.</param>
    public List<SelectedSegment> Select(SelectionInput input, IReadOnlyList<LlmPick> picks, IReadOnlyList<(int First, int Last)> offlineRuns, CancellationToken cancellationToken = default)
    {
        var signals = input.Signals;
        var signalWindows = SignalWindows.For(input, settings);
        var scoredPicks = CandidateDeduplicator.Deduplicate(
            picks.Select(p => scorer.Score(
                new Candidate(p.Start, p.End, TextBetween(input.Cues, p.Start, p.End)) { StartFrom = PickEdge, EndFrom = PickEdge }, signals, hasTranscript: true, p)),
            settings.DuplicateOverlap);
        var followed = scoredPicks
            .SelectMany(p => signalWindows
                .Where(m => Inside(m, p.Window))
                .Select(m => scorer.Score(m, signals, hasTranscript: true, p.Pick)))
            .ToList();
        var runs = offlineRuns.Select(run => (Cues: input.Cues.Skip(run.First).Take(run.Last - run.First + 1).ToList(), Run: run)).ToList();
        var windows = runs
            .SelectMany(run => CandidateWindows.FromCues(run.Cues, settings.MinClipSeconds, settings.MaxClipSeconds, cancellationToken: cancellationToken)
                .Concat(signalWindows.Where(m => run.Cues.Count > 0 && m.Start >= run.Cues[0].Start - 1e-6 && m.End <= run.Cues[^1].End + 1e-6)))
            .Select(w => scorer.Score(w, signals, hasTranscript: true));
        var candidates = scoredPicks.Concat(followed).Concat(windows);
        return TargetFitter.Fit(candidates, input.TargetSeconds).Select(c => SegmentReasons.ToSegment(c, hasTranscript: true, signals)).ToList();
    }

    /// <summary>The text of the cues inside [start, end]: picks are snapped to cue boundaries, so this is whole lines.</summary>
    public static string TextBetween(IReadOnlyList<Cue> cues, double start, double end) =>
        string.Join(' ', cues.Where(c => c.Start >= start - 1e-6 && c.End <= end + 1e-6).Select(c => c.Text));

    /// <summary>A signal window is a pick's moment when most of it lies inside the pick.</summary>
    private bool Inside(Candidate window, Candidate pick) =>
        window.Duration > 0 && (Math.Min(window.End, pick.End) - Math.Max(window.Start, pick.Start)) / window.Duration >= settings.DuplicateOverlap;
}
