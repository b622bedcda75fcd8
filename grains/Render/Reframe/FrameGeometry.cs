using Highlights.Grains.Edl;

namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// The reel's picture for a framing: the largest window of the wanted shape that fits the source, in even pixels (4:2:0
/// chroma needs them). The window is the output size: a crop is never scaled up, so no detail is invented.
/// </summary>
public readonly record struct FrameGeometry(int SourceWidth, int SourceHeight, int Width, int Height)
{
    public bool Crops => Width < SourceWidth - 1 || Height < SourceHeight - 1;

    /// <summary>Leftmost and topmost window positions that keep it inside the source.</summary>
    public int MaxX => SourceWidth - Width;

    public int MaxY => SourceHeight - Height;

    public int CentreX => Even(MaxX / 2);

    public int CentreY => Even(MaxY / 2);

    public static FrameGeometry For(ReelFraming framing, int sourceWidth, int sourceHeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceWidth, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(sourceHeight, 2);
        var (aspectW, aspectH) = framing switch
        {
            ReelFraming.Vertical => (9, 16),
            ReelFraming.Square => (1, 1),
            _ => (sourceWidth, sourceHeight),
        };

        // Wider than wanted: full height, narrower width; otherwise full width, shorter height.
        var width = (long)sourceWidth * aspectH > (long)sourceHeight * aspectW
            ? (int)((long)sourceHeight * aspectW / aspectH)
            : sourceWidth;
        var height = width == sourceWidth ? (int)Math.Min(sourceHeight, (long)sourceWidth * aspectH / aspectW) : sourceHeight;
        return new FrameGeometry(sourceWidth, sourceHeight, Even(width), Even(height));
    }

    public static int Even(int value) => value & ~1;
}
