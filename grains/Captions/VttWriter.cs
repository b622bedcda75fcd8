using System.Globalization;
using System.Text;

namespace Highlights.Grains.Captions;

/// <summary>Writes cues as WebVTT (<c>WEBVTT</c> header, <c>HH:MM:SS.mmm</c> times).</summary>
public static class VttWriter
{
    public static string Write(IEnumerable<Cue> cues)
    {
        var builder = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in cues)
        {
            builder.Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End)).Append('\n')
                .Append(cue.Text).Append("\n\n");
        }

        return builder.ToString();
    }

    public static string Timestamp(double seconds)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");
    }
}
