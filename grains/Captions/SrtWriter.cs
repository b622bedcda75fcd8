using System.Globalization;
using System.Text;

namespace Highlights.Grains.Captions;

/// <summary>Writes cues as SubRip text (<c>HH:MM:SS,mmm</c>, numbered from 1).</summary>
public static class SrtWriter
{
    public static string Write(IEnumerable<Cue> cues)
    {
        var builder = new StringBuilder();
        var index = 1;
        foreach (var cue in cues)
        {
            builder.Append(index++).Append('\n')
                .Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End)).Append('\n')
                .Append(cue.Text).Append("\n\n");
        }

        return builder.ToString();
    }

    public static string Timestamp(double seconds)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00},{ms % 1000:000}");
    }
}
