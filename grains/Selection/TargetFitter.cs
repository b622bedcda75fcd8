namespace Highlights.Grains.Selection;

/// <summary>
/// Fits scored candidates to a target duration: best score first (earlier start breaks ties, so the result is
/// deterministic), skipping any that overlaps a pick or would overrun the target, then back into source order.
/// If even the best candidate is longer than the target, it is taken alone: a reel cut mid-sentence is worse than a long one.
/// With <c>trimToGapsOf</c> (windows with no sentence to keep whole), a reel still short of the target is filled from
/// the candidates passed over: each in rank order gives the longest part of it no pick covers, when that part is at
/// least that long. Without it, short moment windows spread over a video leave gaps no whole window fits.
/// </summary>
public static class TargetFitter
{
    public const string TrimmedToGap = "trimmed to the gap between picks";

    public static List<ScoredCandidate> Fit(IEnumerable<ScoredCandidate> candidates, double targetSeconds, double? trimToGapsOf = null)
    {
        var ranked = candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Window.Start)
            .ThenBy(c => c.Window.Duration)
            .ToList();
        var picked = new List<ScoredCandidate>();
        var total = 0.0;
        foreach (var candidate in ranked)
        {
            if (total + candidate.Window.Duration > targetSeconds + 1e-9)
            {
                continue;
            }

            if (picked.Any(p => p.Window.Overlaps(candidate.Window)))
            {
                continue;
            }

            picked.Add(candidate);
            total += candidate.Window.Duration;
        }

        if (picked.Count == 0 && ranked.Count > 0)
        {
            picked.Add(ranked[0]);
        }

        if (trimToGapsOf is { } shortest)
        {
            foreach (var candidate in ranked.Where(c => !picked.Contains(c)))
            {
                var room = targetSeconds - picked.Sum(p => p.Window.Duration);
                if (room < shortest - 1e-9)
                {
                    break;
                }

                if (LongestUncovered(candidate.Window, picked) is { } part && part.Length >= shortest - 1e-9)
                {
                    var end = part.Start + Math.Min(part.Length, room);
                    picked.Add(candidate with { Window = candidate.Window with { Start = part.Start, End = end, StartFrom = TrimmedToGap, EndFrom = TrimmedToGap } });
                }
            }
        }

        return picked.OrderBy(c => c.Window.Start).ToList();
    }

    /// <summary>The longest span of <paramref name="window"/> that no pick overlaps, or null when the picks cover it.</summary>
    private static (double Start, double Length)? LongestUncovered(Candidate window, IEnumerable<ScoredCandidate> picks)
    {
        (double Start, double Length)? best = null;
        var at = window.Start;
        foreach (var pick in picks.Select(p => p.Window).Where(p => p.Overlaps(window)).OrderBy(p => p.Start).Append(new Candidate(window.End, window.End, string.Empty)))
        {
            if (pick.Start - at > (best?.Length ?? 0))
            {
                best = (at, pick.Start - at);
            }

            at = Math.Max(at, pick.End);
        }

        return best;
    }
}
