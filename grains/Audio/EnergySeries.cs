namespace Highlights.Grains.Audio;

/// <summary>
/// Checkpoint of the energy stage. Window i covers [i*WindowSeconds, (i+1)*WindowSeconds).
/// <see cref="Normalised"/> maps this video's own loudness range to 0..1, so quiet and loud sources compare.
/// </summary>
public sealed record EnergySeries(bool Present, double WindowSeconds, float[] RmsDbfs, float[] MomentaryLufs, float[] Normalised)
{
    public static EnergySeries None { get; } = new(false, 0.1, [], [], []);

    /// <summary>Mean normalised energy over [start, end); 0 when there is no audio.</summary>
    public double MeanBetween(double start, double end)
    {
        if (!Present || Normalised.Length == 0 || end <= start)
        {
            return 0;
        }

        // The epsilon keeps 0.3 / 0.1 = 2.9999999999999996 on window 3, not the window before it.
        var first = Math.Clamp((int)Math.Floor((start / WindowSeconds) + 1e-9), 0, Normalised.Length - 1);
        var last = Math.Clamp((int)Math.Ceiling((end / WindowSeconds) - 1e-9), first + 1, Normalised.Length);
        double sum = 0;
        for (var i = first; i < last; i++)
        {
            sum += Normalised[i];
        }

        return sum / (last - first);
    }
}
