using System.Globalization;

namespace Highlights.Grains.Export;

/// <summary>
/// SMPTE timecode from a frame count. Non-drop counts <see cref="FrameRate.TimecodeBase"/> frames per second.
/// Drop-frame (29.97, 59.94) keeps timecode close to clock time by skipping frame numbers 0-1 (0-3 at 59.94) at
/// the start of every minute except each tenth; it is written with ';' before the frames.
/// </summary>
public static class Timecode
{
    public static string FromFrames(long frame, FrameRate rate, long offsetFrames = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame + offsetFrames);
        var counted = frame + offsetFrames;
        var fps = rate.TimecodeBase;
        if (rate.IsDropFrame)
        {
            counted = ToDropFrameNumber(counted, rate);
        }

        var ff = counted % fps;
        var totalSeconds = counted / fps;
        var separator = rate.IsDropFrame ? ';' : ':';
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{totalSeconds / 3600 % 24:00}:{totalSeconds / 60 % 60:00}:{totalSeconds % 60:00}{separator}{ff:00}");
    }

    /// <summary>The inverse, for reading timecodes back in tests and imports.</summary>
    public static long ToFrames(string timecode, FrameRate rate)
    {
        var parts = timecode.Split(':', ';');
        if (parts.Length != 4)
        {
            throw new FormatException($"not a timecode: {timecode}");
        }

        var (hh, mm, ss, ff) = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
        var fps = rate.TimecodeBase;
        var frames = ((((hh * 60) + mm) * 60) + ss) * fps + ff;
        if (!rate.IsDropFrame)
        {
            return frames;
        }

        var drop = DroppedPerMinute(rate);
        var totalMinutes = (hh * 60) + mm;
        return frames - (drop * (totalMinutes - (totalMinutes / 10)));
    }

    /// <summary>Real frame index to the number shown by drop-frame timecode (which skips some labels).</summary>
    private static long ToDropFrameNumber(long frame, FrameRate rate)
    {
        var drop = DroppedPerMinute(rate);
        var fps = rate.TimecodeBase;
        var perTenMinutes = (fps * 600) - (drop * 9);
        var perMinute = (fps * 60) - drop;
        var tens = frame / perTenMinutes;
        var remainder = frame % perTenMinutes;
        var skipped = (drop * 9 * tens) + (remainder > drop ? drop * ((remainder - drop) / perMinute) : 0);
        return frame + skipped;
    }

    private static long DroppedPerMinute(FrameRate rate) => rate.TimecodeBase / 15;
}
