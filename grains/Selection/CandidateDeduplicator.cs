namespace Highlights.Grains.Selection;

/// <summary>
/// Drops candidates that repeat a better one: overlapping chunks make the LLM propose the same moment twice. Two are
/// the same when their overlap is at least <c>overlapFraction</c> of the shorter; the higher score is kept (earlier start,
/// then shorter, break ties), so the result does not depend on input order.
/// </summary>
public static class CandidateDeduplicator
{
    public static List<ScoredCandidate> Deduplicate(IEnumerable<ScoredCandidate> candidates, double overlapFraction)
    {
        var kept = new List<ScoredCandidate>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Window.Start).ThenBy(c => c.Window.Duration))
        {
            if (!kept.Any(k => SharedFraction(k.Window, candidate.Window) >= overlapFraction))
            {
                kept.Add(candidate);
            }
        }

        return kept.OrderBy(c => c.Window.Start).ToList();
    }

    /// <summary>Overlap of two windows as a fraction of the shorter one.</summary>
    public static double SharedFraction(Candidate a, Candidate b)
    {
        var overlap = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        var shorter = Math.Min(a.Duration, b.Duration);
        return overlap <= 0 || shorter <= 0 ? 0 : overlap / shorter;
    }
}
