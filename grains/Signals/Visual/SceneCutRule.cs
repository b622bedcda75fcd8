namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Decides scene cuts from consecutive histogram distances: a cut is a distance above an absolute threshold that
/// also stands out from the frames around it, so a flickering or fast-moving shot does not read as a cut every frame.
/// </summary>
public static class SceneCutRule
{
    public const double Threshold = 0.3;

    /// <summary>A cut's distance must be this many times the median of its neighbours'.</summary>
    public const double Contrast = 3;

    private const int Neighbourhood = 4;

    /// <param name="distances">Distance of each frame from the one before (the first frame's is 0).</param>
    public static bool[] Cuts(IReadOnlyList<double> distances)
    {
        var cuts = new bool[distances.Count];
        var around = new List<double>(2 * Neighbourhood);
        for (var i = 1; i < distances.Count; i++)
        {
            if (distances[i] < Threshold)
            {
                continue;
            }

            around.Clear();
            for (var j = Math.Max(1, i - Neighbourhood); j <= Math.Min(distances.Count - 1, i + Neighbourhood); j++)
            {
                if (j != i)
                {
                    around.Add(distances[j]);
                }
            }

            around.Sort();
            var median = around.Count == 0 ? 0 : around[around.Count / 2];
            cuts[i] = distances[i] >= Contrast * median;
        }

        return cuts;
    }
}
