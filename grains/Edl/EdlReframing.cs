using Highlights.Grains.Render.Reframe;

namespace Highlights.Grains.Edl;

/// <summary>Gives each segment of a cropped reel its crop path.</summary>
public static class EdlReframing
{
    /// <summary>Every segment holds the centre of the picture (no face data).</summary>
    public static EdlDocument Centred(EdlDocument edl, FrameGeometry geometry)
    {
        if (!geometry.Crops)
        {
            return edl;
        }

        var centre = new EdlReframe(ReframeTracking.Centre, [new CropKeyframe(0, geometry.CentreX, geometry.CentreY)]);
        return edl with { Segments = [.. edl.Segments.Select(s => s with { Reframe = centre })] };
    }
}
