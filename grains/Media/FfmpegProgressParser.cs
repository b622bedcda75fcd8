using System.Globalization;

namespace Highlights.Grains.Media;

/// <summary>
/// Reads ffmpeg's <c>-progress</c> key=value lines. A block ends with a <c>progress=continue|end</c> line,
/// at which point one <see cref="FfmpegProgress"/> is produced. Unknown keys and malformed values are ignored:
/// progress is advisory and must never fail a job.
/// </summary>
public sealed class FfmpegProgressParser
{
    private double outTime;
    private long frame;
    private double speed;

    public FfmpegProgress? Accept(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var key = line.AsSpan(0, equals).Trim();
        var value = line.AsSpan(equals + 1).Trim();
        switch (key)
        {
            // Despite the name, out_time_ms is in microseconds, like out_time_us.
            case "out_time_us" or "out_time_ms" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) && micros >= 0:
                outTime = micros / 1_000_000.0;
                break;
            case "frame" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f):
                frame = f;
                break;
            case "speed" when double.TryParse(value.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s):
                speed = s;
                break;
            case "progress":
                return new FfmpegProgress(outTime, frame, speed, value.SequenceEqual("end"));
        }

        return null;
    }
}
