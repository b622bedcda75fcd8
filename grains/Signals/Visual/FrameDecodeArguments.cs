using System.Globalization;

namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// The ffmpeg arguments that decode one video stream to raw grey frames on stdout. bench/signals-speed.sh times the
/// same filter chain writing to null as the baseline, so keep the two in step.
/// </summary>
public static class FrameDecodeArguments
{
    public static IReadOnlyList<string> For(string path, int streamIndex, FrameFormat format) =>
    [
        "-i", path,
        "-map", $"0:{streamIndex.ToString(CultureInfo.InvariantCulture)}", "-an", "-sn", "-dn",

        // Frame rate first, so only the frames kept are scaled; area averaging keeps small faces' detail.
        "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={format.Rate},scale={format.Width}:{format.Height}:flags=area,format=gray"),
        "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
    ];
}
