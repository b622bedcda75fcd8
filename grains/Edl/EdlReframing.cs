using Highlights.Grains.Render.Reframe;

namespace Highlights.Grains.Edl;

/// <summary>Gives each segment of a cropped reel its crop path.</summary>
public static class EdlReframing
{
    /// <summary>Each segment follows the faces sampled inside it (<see cref="ReframePlanner"/>).</summary>
    public static EdlDocument FollowingFaces(EdlDocument edl, FrameGeometry geometry, IReadOnlyList<FaceSample> samples, ReframeOptions options)
    {
        if (!geometry.Crops)
        {
            return edl;
        }

        return edl with { Segments = [.. edl.Segments.Select(s => s with { Reframe = ReframePlanner.Plan(s, edl.Source.Fps, geometry, samples, options) })] };
    }
}
