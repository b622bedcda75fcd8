namespace Highlights.Grains.Signals;

/// <summary>
/// Scales a non-negative series to 0..1 for one video: the 98th percentile maps to 1 (so one outlier does not
/// flatten the rest) and values above are clamped. <c>minimumScale</c> is the smallest raw value allowed to map
/// to 1: below it, a series is noise (a frozen picture's compression flicker) and stays near 0 instead of being
/// blown up to fill the range.
/// </summary>
public static class UnitScaler
{
    public const double Percentile = 0.98;

    public static (float[] Scaled, double Scale) Scale(IReadOnlyList<float> values, double minimumScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumScale);
        var result = new float[values.Count];
        if (values.Count == 0)
        {
            return (result, minimumScale);
        }

        var sorted = values.Order().ToArray();
        var scale = Math.Max(minimumScale, sorted[(int)Math.Round(Percentile * (sorted.Length - 1))]);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)Math.Round(Math.Clamp(values[i] / scale, 0, 1), 3);
        }

        return (result, scale);
    }
}
