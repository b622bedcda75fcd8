namespace Highlights.Grains.Signals;

/// <summary>Moves a series sampled every <c>sourceSeconds</c> onto a grid of steps: step i covers [i*step, (i+1)*step).</summary>
public static class StepResampler
{
    /// <summary>Mean of the samples whose time falls in each step; a step with no sample repeats the one before (0 at first).</summary>
    public static float[] Mean(IReadOnlyList<float> values, double sourceSeconds, double stepSeconds, int steps) =>
        Reduce(values, i => i * sourceSeconds, stepSeconds, steps, Average);

    /// <summary>As <see cref="Mean(IReadOnlyList{float}, double, double, int)"/>, for samples at the given ascending <paramref name="times"/>.</summary>
    public static float[] Mean(IReadOnlyList<float> values, IReadOnlyList<double> times, double stepSeconds, int steps) =>
        Reduce(values, i => times[i], stepSeconds, steps, Average);

    /// <summary>Largest sample in each step (a smile or a cut anywhere in the step counts for the step).</summary>
    public static float[] Max(IReadOnlyList<float> values, double sourceSeconds, double stepSeconds, int steps) =>
        Reduce(values, i => i * sourceSeconds, stepSeconds, steps, (_, max, _) => max);

    /// <summary>The step holding <paramref name="seconds"/>; negative before the first.</summary>
    public static int StepOf(double seconds, double stepSeconds) =>
        // Index arithmetic with a tolerance: 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
        (int)Math.Floor((seconds / stepSeconds) + 1e-9);

    private static double Average(double sum, float max, int count) => sum / count;

    private static float[] Reduce(IReadOnlyList<float> values, Func<int, double> timeOf, double stepSeconds, int steps, Func<double, float, int, double> reduce)
    {
        var result = new float[steps];
        var sums = new double[steps];
        var maxima = new float[steps];
        var counts = new int[steps];
        for (var i = 0; i < values.Count; i++)
        {
            var step = StepOf(timeOf(i), stepSeconds);
            if (step < 0)
            {
                continue;
            }

            if (step >= steps)
            {
                break;
            }

            maxima[step] = counts[step] == 0 ? values[i] : Math.Max(maxima[step], values[i]);
            sums[step] += values[i];
            counts[step]++;
        }

        for (var s = 0; s < steps; s++)
        {
            result[s] = counts[s] > 0 ? (float)reduce(sums[s], maxima[s], counts[s]) : s > 0 ? result[s - 1] : 0f;
        }

        return result;
    }
}
