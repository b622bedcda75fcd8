using System.Globalization;

namespace Highlights.Grains.Media;

/// <summary>One coded picture as the demuxer sees it: presentation time, size in bytes, keyframe flag.</summary>
public readonly record struct VideoPacket(double Time, int Size, bool Key)
{
    /// <summary>Parses the fields of ffprobe's <c>-show_entries packet=pts_time,size,flags -of csv</c> line after <c>packet,</c>; null for one without a time.</summary>
    public static VideoPacket? Parse(string line)
    {
        var parts = line.Split(',');
        if (parts.Length < 3
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var time)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            return null;
        }

        return new VideoPacket(time, size, parts[2].StartsWith('K'));
    }
}
