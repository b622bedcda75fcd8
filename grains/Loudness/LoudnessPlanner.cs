using Highlights.Grains.Audio;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Loudness;

/// <summary>
/// One gain per segment. The base is the whole source's gain to the target (its measured integrated loudness, from the
/// first pass); each segment then gets a levelling correction, the difference between the source's loudness and the
/// segment's own (both read from the energy series, so they are measured alike), bounded by
/// <c>levellingRangeLu</c>. A segment from a quiet part of the source thus plays at the level of one from a loud
/// part, without a boost so large that a whisper turns into a shout; zero keeps the source's own contrasts.
/// The gain is constant over a segment: nothing pumps inside it.
/// </summary>
public static class LoudnessPlanner
{
    /// <summary>ffmpeg's loudnorm accepts loudness-range targets up to this; a wider source cannot use linear mode.</summary>
    public const double MaxRangeLu = 50;

    public static IReadOnlyList<EdlSegmentLoudness> Plan(LoudnessSettings settings, EnergySeries series, IReadOnlyList<EdlSegment> segments, double levellingRangeLu)
    {
        var measured = settings.Measured;
        var sourceGain = settings.TargetLufs - measured.IntegratedLufs;
        var sourceLevel = SegmentLoudness.Integrated(series, 0, double.MaxValue);
        return segments.Select(segment =>
        {
            var own = SegmentLoudness.Integrated(series, segment.Start, segment.End);
            var correction = own is { } level && sourceLevel is { } whole
                ? Math.Clamp(whole - level, -levellingRangeLu, levellingRangeLu)
                : 0;
            var gain = Math.Round(sourceGain + correction, 2);
            return new EdlSegmentLoudness(own is { } l ? Math.Round(l, 2) : null, gain, CanStayLinear(measured, gain, settings.TruePeakDbtp) ? LoudnessMode.Linear : LoudnessMode.Limited);
        }).ToList();
    }

    /// <summary>
    /// ffmpeg's own test for linear mode: the peak after the gain stays under the ceiling, and the measurement is
    /// complete (loudnorm reads a zero range or a -70 threshold as "not measured" and would fall back to dynamic mode).
    /// </summary>
    public static bool CanStayLinear(LoudnessMeasurement measured, double gainDb, double truePeakDbtp) =>
        measured.TruePeakDbtp + gainDb <= truePeakDbtp
        && measured.RangeLu is > 0 and <= MaxRangeLu
        && measured.ThresholdLufs > SegmentLoudness.AbsoluteGateLufs;
}
