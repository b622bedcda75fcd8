using System.Globalization;
using System.Text;

namespace Highlights.Grains.Render.Chunks;

/// <summary>
/// The concat demuxer's list of chunk files. Each entry states its exact duration, so the next chunk's timestamps
/// continue from the frame count, not from whatever a container rounded its length to.
/// </summary>
public static class ConcatList
{
    public static string Write(IEnumerable<(string FileName, double Seconds)> chunks)
    {
        var list = new StringBuilder("ffconcat version 1.0\n");
        foreach (var (file, seconds) in chunks)
        {
            list.Append("file '").Append(file.Replace("'", "'\\''", StringComparison.Ordinal)).Append("'\n")
                .Append(CultureInfo.InvariantCulture, $"duration {seconds:0.######}\n");
        }

        return list.ToString();
    }
}
