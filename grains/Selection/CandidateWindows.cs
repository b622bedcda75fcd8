using System.Text;
using Highlights.Grains.Captions;

namespace Highlights.Grains.Selection;

/// <summary>Builds candidate windows. With a transcript they start and end on cue boundaries, so no clip cuts a sentence.</summary>
public static class CandidateWindows
{
    public const string CueBoundary = "cue boundary";
    public const string FixedWindow = "fixed window";

    /// <summary>
    /// Runs of consecutive cues spanning min..max seconds; a single cue is a candidate whatever its length. Linear in
    /// the number of cues: <see cref="CandidateLimits"/> caps the cues per window, the text per window, and the windows
    /// per start cue, so dense captions thin the lengths tried instead of multiplying them.
    /// </summary>
    public static List<Candidate> FromCues(
        IReadOnlyList<Cue> cues, double minSeconds, double maxSeconds, CandidateLimits? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= CandidateLimits.Default;
        var perStart = Math.Clamp(limits.MaxCandidates / Math.Max(1, cues.Count), 1, limits.MaxCuesPerCandidate);
        var candidates = new List<Candidate>();
        var text = new StringBuilder();
        var ends = new List<(int Last, int TextLength)>();
        for (var first = 0; first < cues.Count; first++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Clear();
            ends.Clear();
            var lastAllowed = Math.Min(cues.Count, first + limits.MaxCuesPerCandidate) - 1;
            for (var last = first; last <= lastAllowed; last++)
            {
                var span = cues[last].End - cues[first].Start;
                if (last > first && span > maxSeconds)
                {
                    break;
                }

                Append(text, cues[last].Text, limits.MaxTextChars);
                if (span >= minSeconds || last == first)
                {
                    ends.Add((last, text.Length));
                }
            }

            foreach (var (last, length) in Spread(ends, perStart))
            {
                candidates.Add(new Candidate(cues[first].Start, Math.Max(cues[first].End, cues[last].End), text.ToString(0, length)) { StartFrom = CueBoundary, EndFrom = CueBoundary });
            }
        }

        return candidates;
    }

    /// <summary>Fixed windows overlapping by half, covering the whole duration (the last one ends at the end).</summary>
    public static List<Candidate> Fixed(double durationSeconds, double windowSeconds)
    {
        var candidates = new List<Candidate>();
        if (durationSeconds <= windowSeconds)
        {
            candidates.Add(new Candidate(0, durationSeconds, string.Empty) { StartFrom = FixedWindow, EndFrom = FixedWindow });
            return candidates;
        }

        var stride = windowSeconds / 2;
        for (var start = 0.0; start + windowSeconds <= durationSeconds + 1e-9; start += stride)
        {
            candidates.Add(new Candidate(start, start + windowSeconds, string.Empty) { StartFrom = FixedWindow, EndFrom = FixedWindow });
        }

        if (candidates[^1].End < durationSeconds - 1e-9)
        {
            candidates.Add(new Candidate(durationSeconds - windowSeconds, durationSeconds, string.Empty) { StartFrom = FixedWindow, EndFrom = FixedWindow });
        }

        return candidates;
    }

    private static void Append(StringBuilder text, string cue, int maxChars)
    {
        var room = maxChars - text.Length - (text.Length > 0 ? 1 : 0);
        if (room <= 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(cue, 0, Math.Min(room, cue.Length));
    }

    /// <summary>All of <paramref name="items"/> if they fit, else <paramref name="count"/> evenly spaced ones ending with the last (the longest window).</summary>
    private static IEnumerable<T> Spread<T>(List<T> items, int count)
    {
        if (items.Count <= count)
        {
            return items;
        }

        return Enumerable.Range(1, count).Select(i => items[(int)Math.Ceiling((double)i * items.Count / count) - 1]);
    }
}
