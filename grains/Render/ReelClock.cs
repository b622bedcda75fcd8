using Highlights.Grains.Edl;
using Highlights.Grains.Export;

namespace Highlights.Grains.Render;

/// <summary>Frame and sample arithmetic on the source's exact frame rate, so sound is cut to the same length as picture.</summary>
public readonly record struct ReelClock(FrameRate Rate, int SampleRate)
{
    public static ReelClock For(EdlDocument edl) => new(FrameRate.FromMeasured(edl.Source.Fps), edl.Render.AudioSampleRate);

    public double Seconds(long frames) => frames * (double)Rate.Denominator / Rate.Numerator;

    /// <summary>Audio samples spanning <paramref name="frames"/> frames, rounded to the nearest sample.</summary>
    public long Samples(long frames) => (long)Math.Round(frames * (double)SampleRate * Rate.Denominator / Rate.Numerator, MidpointRounding.AwayFromZero);
}
