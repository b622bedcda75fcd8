using System.Globalization;
using Highlights.Grains.Edl;
using Highlights.Grains.Loudness;
using Highlights.Grains.Render.Colour;
using Highlights.Grains.Render.Reframe;

namespace Highlights.Grains.Render;

/// <summary>The filters one segment goes through before the segments are joined.</summary>
public static class SegmentChains
{
    /// <summary>Exactly the segment's frames from the seeked input, cropped on its path, converted to tagged BT.709.</summary>
    public static string Video(EdlSegment segment, int input, int stream, RenderSettings render, FrameGeometry geometry, ColourInput colour)
    {
        var crop = geometry.Crops || geometry.Width != geometry.SourceWidth || geometry.Height != geometry.SourceHeight
            ? CropFilter.For(geometry.Width, geometry.Height, segment.Reframe, geometry) + ","
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{input}:{stream}]trim=end_frame={segment.Frames},setpts=PTS-STARTPTS,{crop}{ColourFilter.Chain(colour, render.ToneMapHdr, render.PixelFormat)}");
    }

    /// <summary>
    /// The segment's sound at the reel's sample rate with its gain, cut to exactly as many samples as its frames last
    /// (padded with silence if the source's sound ends early), faded in and out where it meets a cut.
    /// </summary>
    public static string Audio(EdlSegment segment, int input, int stream, RenderSettings render, ReelClock clock, bool fadeIn, bool fadeOut)
    {
        var samples = clock.Samples(segment.Frames);
        var gain = segment.Loudness is { } plan && render.Loudness is { } settings ? LoudnessFilter.Chain(plan, settings) + "," : string.Empty;
        var chain = string.Create(
            CultureInfo.InvariantCulture,
            $"[{input}:{stream}]aresample={render.AudioSampleRate},{gain}apad,atrim=end_sample={samples},asetpts=PTS-STARTPTS");
        var fade = Math.Min(render.AudioFadeMs / 1000.0, samples / (double)render.AudioSampleRate / 2);
        if (fade <= 0)
        {
            return chain;
        }

        var length = samples / (double)render.AudioSampleRate;
        if (fadeIn)
        {
            chain += string.Create(CultureInfo.InvariantCulture, $",afade=t=in:st=0:d={fade:0.######}");
        }

        if (fadeOut)
        {
            chain += string.Create(CultureInfo.InvariantCulture, $",afade=t=out:st={length - fade:0.######}:d={fade:0.######}");
        }

        return chain;
    }
}
