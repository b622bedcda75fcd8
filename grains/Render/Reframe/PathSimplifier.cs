namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// Ramer-Douglas-Peucker on a sampled path: keeps the fewest points whose straight lines stay within
/// <c>tolerance</c> of every sample, so a smooth crop path becomes a handful of keyframes.
/// </summary>
public static class PathSimplifier
{
    public static IReadOnlyList<(double Time, double Value)> Simplify(IReadOnlyList<(double Time, double Value)> path, double tolerance)
    {
        if (path.Count <= 2)
        {
            return path;
        }

        var keep = new bool[path.Count];
        keep[0] = keep[^1] = true;
        var pending = new Stack<(int From, int To)>();
        pending.Push((0, path.Count - 1));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            var (worst, distance) = (-1, tolerance);
            for (var i = from + 1; i < to; i++)
            {
                var share = (path[i].Time - path[from].Time) / (path[to].Time - path[from].Time);
                var onLine = path[from].Value + (share * (path[to].Value - path[from].Value));
                if (Math.Abs(path[i].Value - onLine) > distance)
                {
                    (worst, distance) = (i, Math.Abs(path[i].Value - onLine));
                }
            }

            if (worst >= 0)
            {
                keep[worst] = true;
                pending.Push((from, worst));
                pending.Push((worst, to));
            }
        }

        return [.. path.Where((_, i) => keep[i])];
    }
}
