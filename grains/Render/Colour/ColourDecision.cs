using Highlights.Grains.Edl;
using Highlights.Grains.Media;

namespace Highlights.Grains.Render.Colour;

/// <summary>
/// Decides how to read a source's pixels. Tags are used only when they name a value we know how to convert from;
/// a missing, "unknown" or exotic tag falls back to what the picture size implies (SD is BT.601, HD is BT.709), field
/// by field. ffmpeg's own defaults are never relied on: untagged SD would otherwise be read as BT.709 by some paths
/// and BT.601 by others.
/// </summary>
public static class ColourDecision
{
    /// <summary>Pictures up to this many lines are standard definition (480 NTSC, 576 PAL).</summary>
    public const int MaxStandardDefinitionLines = 576;

    private static readonly HashSet<string> Matrices = ["bt709", "bt470bg", "smpte170m", "bt2020nc"];
    private static readonly HashSet<string> Primaries = ["bt709", "bt470bg", "smpte170m", "bt470m", "smpte240m", "bt2020"];
    private static readonly HashSet<string> Transfers = ["bt709", "smpte170m", "bt470bg", "bt470m", "iec61966-2-1", "bt2020-10", "bt2020-12", "smpte2084", "arib-std-b67"];

    public static ColourInput For(VideoStreamInfo video)
    {
        var standardDefinition = video.Height <= MaxStandardDefinitionLines;
        var pal = video.Height is > 480 and <= MaxStandardDefinitionLines;
        var hdr = video.IsHdr;

        var matrix = Known(video.ColorSpace, Matrices);
        var primaries = Known(video.ColorPrimaries, Primaries);
        var transfer = Known(video.ColorTransfer, Transfers);
        var basis = matrix is not null && primaries is not null && transfer is not null ? ColourBasis.Tags : ColourBasis.Resolution;

        matrix ??= hdr ? "bt2020nc" : standardDefinition ? "smpte170m" : "bt709";
        primaries ??= hdr ? "bt2020" : !standardDefinition ? "bt709" : pal ? "bt470bg" : "smpte170m";
        transfer ??= standardDefinition ? "smpte170m" : "bt709";
        return new ColourInput(matrix, primaries, transfer, Range(video), basis);
    }

    /// <summary>Full range when tagged so or when the pixel format is a JPEG one (yuvj*); limited ("tv") otherwise.</summary>
    private static string Range(VideoStreamInfo video) => video.ColorRange switch
    {
        "pc" => "pc",
        "tv" => "tv",
        _ => video.PixelFormat?.StartsWith("yuvj", StringComparison.Ordinal) == true ? "pc" : "tv",
    };

    private static string? Known(string? tag, HashSet<string> known) => tag is not null && known.Contains(tag) ? tag : null;
}
