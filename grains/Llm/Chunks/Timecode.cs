using System.Globalization;

namespace Highlights.Grains.Llm.Chunks;

/// <summary>
/// The <c>[mm:ss]</c> markers put before each transcript line, and their reading back from answers. Minutes are not
/// wrapped into hours (75:02 is 1h15m02s): one format the model copies, whatever the video's length.
/// </summary>
public static class Timecode
{
    public static string Format(double seconds)
    {
        var whole = (long)Math.Floor(Math.Max(0, seconds));
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 60:00}:{whole % 60:00}");
    }

    /// <summary>Reads <c>m:ss</c> (any number of minute digits) or <c>h:mm:ss</c>; seconds must be 00-59.</summary>
    public static bool TryParse(string? text, out double seconds)
    {
        seconds = 0;
        var parts = text?.Trim().Split(':');
        if (parts is null || parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var values = parts.Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        if (values[^1] > 59 || (values.Length == 3 && values[1] > 59))
        {
            return false;
        }

        seconds = values.Aggregate(0L, (total, part) => (total * 60) + part);
        return true;
    }
}
