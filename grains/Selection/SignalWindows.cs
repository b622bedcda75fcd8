using System.Globalization;
using System.Text;
using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>
/// Candidates whose edges follow the moment rather than the captions: each starts where a signal of a moment rises
/// and ends where one falls (<see cref="SignalMoments"/>), widened evenly to the shortest clip when the moment is
/// briefer, then snapped into pauses and onto frames (<see cref="EdgeSnapper"/>). A moment longer than the longest
/// clip is left to the cue runs. Pure.
/// </summary>
public static class SignalWindows
{
    /// <summary>The signal candidates of a selection's input: its events' moments, snapped into its transcript's pauses and onto its frames.</summary>
    public static List<Candidate> For(SelectionInput input, OfflineSelectorSettings settings) =>
        input.Signals.Events.Count == 0
            ? []
            : From(
                SignalMoments.From(input.Signals.Events),
                new EdgeSnapper(WordPauses.Find(input.Cues, input.Energy, input.DurationSeconds), input.FrameRate is > 0 ? input.FrameRate : null),
                input.Cues,
                input.DurationSeconds,
                settings.MinClipSeconds,
                settings.MaxClipSeconds);

    /// <summary>Every rise of each moment paired with every later fall within <paramref name="maxSeconds"/>, in moment order.</summary>
    public static List<Candidate> From(
        IReadOnlyList<SignalMoment> moments, EdgeSnapper snapper, IReadOnlyList<Cue> cues, double durationSeconds, double minSeconds, double maxSeconds, CandidateLimits? limits = null)
    {
        limits ??= CandidateLimits.Default;
        var candidates = new List<Candidate>();
        var seen = new HashSet<(double, double)>();
        foreach (var moment in moments)
        {
            foreach (var rise in moment.Rises)
            {
                foreach (var fall in moment.Falls.Where(f => f.Time > rise.Time && f.Time - rise.Time <= maxSeconds))
                {
                    var (start, end, widened) = Widen(rise.Time, fall.Time, minSeconds, durationSeconds);
                    var (cutStart, startWhere) = snapper.Snap(start);
                    var (cutEnd, endWhere) = snapper.Snap(end);
                    // Snapping may pull the edges in or push them out a little, not past half the shortest clip
                    // (no moment left) or beyond the longest; two edge pairs that snap alike are one candidate.
                    if (cutEnd - cutStart < minSeconds / 2 || cutEnd - cutStart > maxSeconds || !seen.Add((cutStart, cutEnd)))
                    {
                        continue;
                    }

                    var note = widened ? string.Create(CultureInfo.InvariantCulture, $", widened to the {minSeconds:0.#} s shortest clip") : string.Empty;
                    candidates.Add(new Candidate(cutStart, cutEnd, TextOver(cues, cutStart, cutEnd, limits.MaxTextChars))
                    {
                        StartFrom = $"{rise.Describe()}{note}, {startWhere}",
                        EndFrom = $"{fall.Describe()}{note}, {endWhere}",
                    });
                }
            }
        }

        return candidates;
    }

    /// <summary>[start, end] grown evenly to <paramref name="minSeconds"/>, kept inside the video.</summary>
    public static (double Start, double End, bool Widened) Widen(double start, double end, double minSeconds, double durationSeconds)
    {
        var missing = minSeconds - (end - start);
        if (missing <= 0)
        {
            return (start, end, false);
        }

        start -= missing / 2;
        end += missing / 2;
        if (start < 0)
        {
            end = Math.Min(durationSeconds, end - start);
            start = 0;
        }

        if (end > durationSeconds)
        {
            start = Math.Max(0, start - (end - durationSeconds));
            end = durationSeconds;
        }

        return (start, end, true);
    }

    /// <summary>The text of every cue the window overlaps: it feeds keyword scoring and the segment's text.</summary>
    public static string TextOver(IReadOnlyList<Cue> cues, double start, double end, int maxChars)
    {
        var text = new StringBuilder();
        foreach (var cue in cues.Where(c => c.End > start && c.Start < end))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(cue.Text);
            if (text.Length >= maxChars)
            {
                // Dense captions can put thousands of cues under one window.
                return text.ToString(0, maxChars);
            }
        }

        return text.ToString();
    }
}
