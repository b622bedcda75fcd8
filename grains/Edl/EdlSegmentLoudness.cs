namespace Highlights.Grains.Edl;

public enum LoudnessMode
{
    /// <summary>ffmpeg loudnorm in linear mode: one gain for the whole segment, no limiting needed.</summary>
    Linear,

    /// <summary>The same gain, with a look-ahead limiter holding the true-peak ceiling (the gain alone would clip).</summary>
    Limited,
}

/// <summary>
/// The gain applied to a segment's sound. <see cref="MeasuredLufs"/> is the segment's own integrated loudness (null
/// when it is silent); <see cref="GainDb"/> is the whole source's gain to the target plus the levelling correction.
/// </summary>
public sealed record EdlSegmentLoudness(double? MeasuredLufs, double GainDb, LoudnessMode Mode);
