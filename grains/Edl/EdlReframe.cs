namespace Highlights.Grains.Edl;

public enum ReframeTracking
{
    /// <summary>The crop follows detected faces.</summary>
    Faces,

    /// <summary>No face was seen: the crop holds the centre of the picture.</summary>
    Centre,
}

/// <summary>
/// The crop window's path through a segment, for vertical and square reels. The window has the size in the render
/// settings; between keyframes its position moves linearly.
/// </summary>
public sealed record EdlReframe(ReframeTracking Tracking, IReadOnlyList<CropKeyframe> Keyframes);

/// <summary>Top-left corner of the crop window in source pixels, <see cref="Time"/> seconds after the segment's start.</summary>
public sealed record CropKeyframe(double Time, int X, int Y);
