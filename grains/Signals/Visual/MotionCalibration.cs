namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Puts the coarse motion proxy into the fine pass's units: the ratio of the fine motion's sum to the proxy's over
/// the steps both measured. One factor for the video, so the proxy's shape outside the windows is kept. Pure.
/// </summary>
public static class MotionCalibration
{
    /// <returns>A copy of <paramref name="proxy"/> multiplied by the factor (unchanged when the windows give none).</returns>
    public static float[] Apply(float[] proxy, IReadOnlyList<(int FirstStep, VisualSteps Fine)> windows)
    {
        double fine = 0, coarse = 0;
        foreach (var (first, steps) in windows)
        {
            for (var i = 0; i < steps.Steps && first + i < proxy.Length; i++)
            {
                fine += steps.Motion[i];
                coarse += proxy[first + i];
            }
        }

        var factor = coarse > 0 && fine > 0 ? fine / coarse : 1;
        return [.. proxy.Select(v => (float)(v * factor))];
    }
}
