namespace Highlights.Grains.Selection;

/// <summary>
/// Deterministic highlight selection with no network: candidate windows (runs of cues, or fixed windows without a
/// transcript, and windows whose edges follow the signals' moments, <see cref="SignalWindows"/>) scored by
/// <see cref="CandidateScorer"/> with the LLM term absent, fitted to the target, in source order.
/// A term whose signal is missing (no transcript, no audio) is left out rather than guessed. With no signal at all,
/// windows are spread evenly over the video.
/// </summary>
public sealed class OfflineSelector(OfflineSelectorSettings settings)
{
    public const string Method = "offline";

    private readonly CandidateScorer scorer = new(settings);

    public SelectionResult Select(SelectionInput input, CancellationToken cancellationToken = default)
    {
        var hasTranscript = input.Cues.Count > 0;
        var signals = input.Signals;
        var notes = Notes(hasTranscript, signals);
        List<ScoredCandidate> picked;
        if (!hasTranscript && signals.Audio is null && signals.Visual is null)
        {
            notes.Add("no signal to rank by: windows spread evenly over the video");
            picked = EvenlySpread(input.DurationSeconds, input.TargetSeconds);
        }
        else
        {
            var windows = (hasTranscript
                ? CandidateWindows.FromCues(input.Cues, settings.MinClipSeconds, settings.MaxClipSeconds, cancellationToken: cancellationToken)
                : CandidateWindows.Fixed(input.DurationSeconds, settings.WindowSeconds))
                .Concat(SignalWindows.For(input, settings));
            picked = TargetFitter.Fit(
                windows.Select(w =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return scorer.Score(w, signals, hasTranscript);
                }),
                input.TargetSeconds,
                trimToGapsOf: hasTranscript ? null : settings.MinClipSeconds);

            // A window trimmed to a gap is scored again over the part kept, so its reasons describe what is in the reel.
            picked = [.. picked.Select(p => p.Window.StartFrom == TargetFitter.TrimmedToGap ? scorer.Score(p.Window, signals, hasTranscript) : p)];
        }

        var segments = picked.Select(p => SegmentReasons.ToSegment(p, hasTranscript, signals)).ToList();
        return new SelectionResult(Method, settings.Version, segments, notes);
    }

    /// <summary>What the result cannot account for, in words for the report.</summary>
    public static List<string> Notes(bool hasTranscript, SelectionSignals signals)
    {
        var notes = new List<string>();
        if (!hasTranscript)
        {
            notes.Add("no transcript: windows are not snapped to sentences and keywords are not scored");
        }

        if (signals.Audio is null)
        {
            notes.Add("no audio energy: the audio factor is left out");
        }

        return notes;
    }

    private List<ScoredCandidate> EvenlySpread(double duration, double target)
    {
        var length = Math.Min(settings.WindowSeconds, duration);
        var count = Math.Max(1, (int)Math.Floor(target / length));
        var gap = (duration - (count * length)) / (count + 1);
        if (gap < 0)
        {
            count = Math.Max(1, (int)Math.Floor(duration / length));
            gap = (duration - (count * length)) / (count + 1);
        }

        return Enumerable.Range(0, count)
            .Select(i => gap + (i * (length + gap)))
            .Select(start => new ScoredCandidate(new Candidate(start, start + length, string.Empty) { StartFrom = "evenly spaced", EndFrom = "evenly spaced" }, 0, new SignalScores(null, null, null, null), 0, []))
            .ToList();
    }
}
