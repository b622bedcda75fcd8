using Highlights.Grains.Media;

namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// The coarse visual pass on the step grid, from what costs next to nothing to read: the size of every coded picture
/// (an encoder spends bytes where the picture changes, so the mean size of the non-key pictures in a step follows
/// motion, and one far larger than those before it is a cut) and the keyframes' cadence (an encoder that detects
/// scene changes starts a keyframe early there), plus faces and smiles found on the keyframes alone. Pure.
/// </summary>
public static class CoarseVisual
{
    /// <summary>A non-key picture this many times the median of the ones before it is taken as a cut.</summary>
    public const double CutSpike = 4;

    /// <summary>Non-key pictures the spike is measured against.</summary>
    public const int SpikeHistory = 30;

    /// <summary>A keyframe sooner than this share of the longest keyframe interval breaks the cadence: a cut.</summary>
    public const double EarlyKeyframe = 0.9;

    /// <summary>Cuts closer than this to the one before are the same edit (a keyframe at a cut, then the first larger pictures after it).</summary>
    public const double CutGapSeconds = 1;

    /// <param name="packets">The video stream's packets in presentation order.</param>
    /// <param name="keyframeTimes">Times of the keyframes whose faces are in <paramref name="keyframes"/>, sample j for time j.</param>
    public static VisualSteps Build(IReadOnlyList<VideoPacket> packets, IReadOnlyList<double> keyframeTimes, VisualFrames keyframes, double stepSeconds, int steps)
    {
        var cuts = Cuts(packets);
        return new VisualSteps(
            MotionProxy(packets, stepSeconds, steps),
            Nearest(keyframeTimes, keyframes.FaceCount, stepSeconds, steps),
            Nearest(keyframeTimes, keyframes.LargestFace, stepSeconds, steps),
            Nearest(keyframeTimes, keyframes.Smile, stepSeconds, steps),
            CutFlags(cuts, stepSeconds, steps),
            cuts);
    }

    /// <summary>Mean bytes of the non-key pictures in each step; a step with none repeats the one before.</summary>
    public static float[] MotionProxy(IReadOnlyList<VideoPacket> packets, double stepSeconds, int steps)
    {
        var pictures = packets.Where(p => !p.Key).ToList();
        return StepResampler.Mean([.. pictures.Select(p => (float)p.Size)], [.. pictures.Select(p => p.Time)], stepSeconds, steps);
    }

    /// <summary>Cuts found in the packets: size spikes among non-key pictures and keyframes that break the cadence.</summary>
    public static IReadOnlyList<SceneCutAt> Cuts(IReadOnlyList<VideoPacket> packets)
    {
        var found = new List<SceneCutAt>();
        var keyTimes = packets.Where(p => p.Key).Select(p => p.Time).ToList();
        var longestGap = keyTimes.Zip(keyTimes.Skip(1), (a, b) => b - a).DefaultIfEmpty(0).Max();
        for (var k = 1; k < keyTimes.Count; k++)
        {
            if (keyTimes[k] - keyTimes[k - 1] < EarlyKeyframe * longestGap)
            {
                found.Add(new SceneCutAt(Math.Round(keyTimes[k], 3), 1));
            }
        }

        // A cut coded as a non-key picture is one far larger than those before it. Motion starting abruptly after a
        // still stretch reads the same way: the full pass, which compares histograms, tells them apart inside its windows.
        var sizes = packets.Where(p => !p.Key).ToList();
        for (var i = SpikeHistory; i < sizes.Count; i++)
        {
            var before = Median(sizes.GetRange(i - SpikeHistory, SpikeHistory).Select(p => p.Size));
            var size = sizes[i].Size;
            if (before > 0 && size > CutSpike * before)
            {
                found.Add(new SceneCutAt(Math.Round(sizes[i].Time, 3), Math.Round(Math.Min(1, size / (2 * CutSpike * before)), 3)));
            }
        }

        var cuts = new List<SceneCutAt>();
        foreach (var cut in found.OrderBy(c => c.Time))
        {
            if (cuts.Count == 0 || cut.Time - cuts[^1].Time >= CutGapSeconds)
            {
                cuts.Add(cut);
            }
        }

        return cuts;
    }

    /// <summary>Each step takes the sample of the keyframe nearest its middle.</summary>
    private static float[] Nearest(IReadOnlyList<double> times, float[] values, double stepSeconds, int steps)
    {
        var result = new float[steps];
        var count = Math.Min(times.Count, values.Length);
        if (count == 0)
        {
            return result;
        }

        var k = 0;
        for (var i = 0; i < steps; i++)
        {
            var middle = (i + 0.5) * stepSeconds;
            while (k + 1 < count && Math.Abs(times[k + 1] - middle) <= Math.Abs(times[k] - middle))
            {
                k++;
            }

            result[i] = values[k];
        }

        return result;
    }

    private static float[] CutFlags(IReadOnlyList<SceneCutAt> cuts, double stepSeconds, int steps)
    {
        var flags = new float[steps];
        foreach (var cut in cuts)
        {
            var step = StepResampler.StepOf(cut.Time, stepSeconds);
            if (step >= 0 && step < steps)
            {
                flags[step] = 1;
            }
        }

        return flags;
    }

    private static double Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
