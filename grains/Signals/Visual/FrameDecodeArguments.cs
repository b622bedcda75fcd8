using System.Globalization;

namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// The ffmpeg arguments that decode one video stream to raw grey frames on stdout. bench/signals-speed.sh times the
/// same filter chain writing to null as the baseline, so keep the two in step.
/// </summary>
public static class FrameDecodeArguments
{
    public static IReadOnlyList<string> For(string path, int streamIndex, FrameFormat format, FrameSelection? selection = null)
    {
        selection ??= FrameSelection.All;
        var map = $"0:{streamIndex.ToString(CultureInfo.InvariantCulture)}";
        var scale = string.Create(CultureInfo.InvariantCulture, $"scale={format.Width}:{format.Height}:flags=area,format=gray");
        if (selection.KeyframesOnly)
        {
            // Every keyframe once, at its own time (no rate filter): the caller knows their times from the packets.
            // -discard drops the other packets in the demuxer, before the decoder's threads see them: the same
            // pictures (framemd5-identical) in half the time; -skip_frame stays because -discard alone lets one
            // leading non-key picture through, which would shift every keyframe's time by one.
            return ["-skip_loop_filter", "all", "-skip_frame", "nokey", "-discard", "nokey", "-i", path, "-map", map, "-an", "-sn", "-dn", "-vf", scale, "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1"];
        }

        // Input seeking: ffmpeg decodes from the keyframe before the start and drops frames until it, so the first
        // frame delivered is the one at the start and the rate filter counts from there. A window's decode skips
        // what the analysis at a few frames per second never sees: pictures no other refers to (it keeps the ones
        // nearest each sample time) and the deblocking filter (invisible at 320 px); about 40% less decode.
        IReadOnlyList<string> seek = selection.Length is { } length
            ? ["-skip_loop_filter", "all", "-skip_frame", "noref", "-ss", Seconds(selection.Start), "-t", Seconds(length)]
            : [];
        return
        [
            .. seek,
            "-i", path,
            "-map", map, "-an", "-sn", "-dn",

            // Frame rate first, so only the frames kept are scaled; area averaging keeps small faces' detail.
            "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={format.Rate},{scale}"),
            "-f", "rawvideo", "-pix_fmt", "gray", "pipe:1",
        ];
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
