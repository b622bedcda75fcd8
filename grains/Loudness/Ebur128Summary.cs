using System.Globalization;
using System.Text.RegularExpressions;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Loudness;

/// <summary>
/// Reads the summary ffmpeg's <c>ebur128=peak=true</c> prints to stderr when it finishes. It measures what loudnorm's
/// first pass did (integrated loudness and its gate, range, true peak) about six times faster, because loudnorm
/// resamples to 192 kHz for its own limiter while ebur128 oversamples only for the peak. A silent input reports
/// <c>-70.0 LUFS</c> and a <c>-inf</c> peak: that is no measurement (null), not an error.
/// </summary>
public static partial class Ebur128Summary
{
    public static LoudnessMeasurement? Parse(string stderr)
    {
        var start = stderr.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException("ffmpeg printed no ebur128 summary");
        }

        var summary = stderr[start..];
        var integrated = Value(summary, IntegratedPattern(), "integrated loudness");
        var truePeak = Value(summary, TruePeakPattern(), "true peak");
        if (integrated <= SegmentLoudness.AbsoluteGateLufs || double.IsNegativeInfinity(truePeak))
        {
            return null;
        }

        // The summary has no counterpart of loudnorm's target_offset: linear loudnorm replaces the offset with its own
        // gain, so zero changes nothing in the render, and the EDL keeps its field.
        return new LoudnessMeasurement(
            integrated,
            truePeak,
            Value(summary, RangePattern(), "loudness range"),
            Value(summary, ThresholdPattern(), "integrated threshold"),
            OffsetLu: 0);
    }

    private static double Value(string summary, Regex pattern, string what)
    {
        var match = pattern.Match(summary);
        if (!match.Success)
        {
            throw new FormatException($"ebur128 summary has no {what}");
        }

        var text = match.Groups[1].Value;
        return text switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" => double.PositiveInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"Integrated loudness:\s*I:\s*(\S+) LUFS")]
    private static partial Regex IntegratedPattern();

    /// <summary>The first threshold after "Integrated loudness" is its relative gate (loudnorm's input_thresh).</summary>
    [GeneratedRegex(@"Integrated loudness:\s*I:\s*\S+ LUFS\s*Threshold:\s*(\S+) LUFS")]
    private static partial Regex ThresholdPattern();

    [GeneratedRegex(@"LRA:\s*(\S+) LU\b")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"True peak:\s*Peak:\s*(\S+) dBFS")]
    private static partial Regex TruePeakPattern();
}
