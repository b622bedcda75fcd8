using System.Globalization;
using System.Text.Json;
using Highlights.Grains.Edl;

namespace Highlights.Grains.Loudness;

/// <summary>
/// Reads the JSON block ffmpeg's <c>loudnorm=print_format=json</c> prints to stderr when it finishes. A silent input
/// reports <c>-inf</c>: that is no measurement (null), not an error.
/// </summary>
public static class LoudnormReport
{
    public static LoudnessMeasurement? Parse(string stderr)
    {
        var start = stderr.LastIndexOf("{", StringComparison.Ordinal);
        var end = stderr.LastIndexOf("}", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new FormatException("ffmpeg printed no loudnorm report");
        }

        using var document = JsonDocument.Parse(stderr[start..(end + 1)]);
        var root = document.RootElement;
        var integrated = Number(root, "input_i");
        var truePeak = Number(root, "input_tp");
        if (double.IsNegativeInfinity(integrated) || double.IsNegativeInfinity(truePeak))
        {
            return null;
        }

        var range = Number(root, "input_lra");
        var threshold = Number(root, "input_thresh");
        var offset = Number(root, "target_offset");
        return double.IsFinite(integrated) && double.IsFinite(truePeak) && double.IsFinite(range) && double.IsFinite(threshold)
            ? new LoudnessMeasurement(integrated, truePeak, range, threshold, double.IsFinite(offset) ? offset : 0)
            : null;
    }

    /// <summary>loudnorm writes every value as a JSON string ("-23.01", "-inf").</summary>
    private static double Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            throw new FormatException($"loudnorm report has no {name}");
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" => double.PositiveInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
