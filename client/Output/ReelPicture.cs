using Highlights.Grains.Edl;

namespace Highlights.Cli.Output;

/// <summary>
/// The reel's picture size in words. A vertical reel of a small source is narrow (a 640x360 talk makes 202x360),
/// which looks like a bug unless the summary says where the size comes from.
/// </summary>
public static class ReelPicture
{
    public static string Describe(RenderSettings render, EdlSource source)
    {
        var (width, height) = render.Width > 0 ? (render.Width, render.Height) : (source.Width, source.Height);
        var shape = render.Framing switch
        {
            ReelFraming.Vertical => "9:16",
            ReelFraming.Square => "1:1",
            _ => null,
        };
        var extent = height == source.Height ? " at its full height" : width == source.Width ? " at its full width" : string.Empty;
        return shape is null
            ? $"{width}x{height}"
            : $"{width}x{height}: a {shape} crop of the {source.Width}x{source.Height} source{extent}";
    }
}
