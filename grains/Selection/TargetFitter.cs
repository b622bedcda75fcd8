namespace Highlights.Grains.Selection;

/// <summary>
/// Fits scored candidates to a target duration: best score first (earlier start breaks ties, so the result is
/// deterministic), skipping any that overlaps a pick or would overrun the target, then back into source order.
/// If even the best candidate is longer than the target, it is taken alone: a reel cut mid-sentence is worse than a long one.
/// </summary>
public static class TargetFitter
{
    public static List<ScoredCandidate> Fit(IEnumerable<ScoredCandidate> candidates, double targetSeconds)
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

        return picked.OrderBy(c => c.Window.Start).ToList();
    }
}
