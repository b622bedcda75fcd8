using System.Globalization;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Loudness;

/// <summary>The ffmpeg audio filters that apply a segment's planned gain.</summary>
public static class LoudnessFilter
{
    /// <summary>loudnorm's default loudness-range target; a wider source raises it so linear mode is not refused.</summary>
    public const double DefaultRangeLu = 11;

    /// <summary>The limiter looks at sample peaks; this margin keeps true (inter-sample) peaks under the ceiling too.</summary>
    public const double InterSamplePeakMarginDb = 1;

    public static string Chain(EdlSegmentLoudness plan, LoudnessSettings settings)
    {
        var measured = settings.Measured;
        if (plan.Mode == LoudnessMode.Linear)
        {
            // Linear mode applies target - measured_I as one gain; measured_I carries the levelling correction.
            var range = Math.Min(LoudnessPlanner.MaxRangeLu, Math.Max(DefaultRangeLu, measured.RangeLu));
            return string.Create(
                CultureInfo.InvariantCulture,
                $"loudnorm=I={settings.TargetLufs:0.##}:TP={settings.TruePeakDbtp:0.##}:LRA={range:0.##}:measured_I={settings.TargetLufs - plan.GainDb:0.##}:measured_TP={measured.TruePeakDbtp:0.##}:measured_LRA={measured.RangeLu:0.##}:measured_thresh={measured.ThresholdLufs:0.##}:offset={measured.OffsetLu:0.##}:linear=true");
        }

        var limit = Math.Pow(10, (settings.TruePeakDbtp - InterSamplePeakMarginDb) / 20);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"volume={plan.GainDb:0.##}dB:precision=double,alimiter=limit={limit:0.#####}:attack=5:release=50:level=false:latency=true");
    }
}
