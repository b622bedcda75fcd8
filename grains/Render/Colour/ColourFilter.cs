using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Colour;

/// <summary>
/// The filters that turn a source's pixels into tagged BT.709 limited-range video: an explicit zscale conversion (input
/// matrix, primaries, transfer and range all named, never guessed by ffmpeg), HDR tone-mapped with Hable's curve, and
/// frame properties set so the encoder writes BT.709 into the stream.
/// </summary>
public static class ColourFilter
{
    /// <summary>Output colour tags, as ffmpeg's <c>-colorspace</c>/<c>-color_primaries</c>/<c>-color_trc</c>/<c>-color_range</c> take them.</summary>
    public static IReadOnlyList<string> OutputTags { get; } =
        ["-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv"];

    private const string Tag = "setparams=colorspace=bt709:color_primaries=bt709:color_trc=bt709:range=tv";

    /// <summary>The filter chain (without leading or trailing comma), ending in <paramref name="pixelFormat"/>.</summary>
    public static string Chain(ColourInput input, bool toneMapHdr, string pixelFormat)
    {
        var from = $"min={input.Matrix}:pin={input.Primaries}:tin={input.Transfer}:rin={input.Range}";
        if (input.IsHdr)
        {
            if (!toneMapHdr)
            {
                throw new InvalidOperationException($"HDR input ({input.Transfer}) needs tone-mapping, which this render was not asked for");
            }

            // Linearise, tone-map in float RGB with Hable's curve, then re-encode the BT.709 transfer and matrix.
            return $"zscale={from}:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format={pixelFormat},{Tag}";
        }

        if (IsBt709(input))
        {
            // Already BT.709 limited range: a conversion would only cost time. Tagging still happens.
            return $"format={pixelFormat},{Tag}";
        }

        return $"zscale={from}:m=bt709:p=bt709:t=bt709:r=tv,format={pixelFormat},{Tag}";
    }

    /// <summary>BT.601's transfer curve (smpte170m) is BT.709's, so only matrix, primaries and range decide.</summary>
    private static bool IsBt709(ColourInput input) =>
        input is { Matrix: "bt709", Primaries: "bt709", Range: "tv", Transfer: "bt709" or "smpte170m" };
}
