namespace Highlights.Grains.Signals.Visual;

/// <summary>How frames are delivered for analysis: 8-bit grey, <see cref="Width"/> x <see cref="Height"/>, <see cref="Rate"/> per second.</summary>
public sealed record FrameFormat(int Width, int Height, double Rate)
{
    public int FrameBytes => Width * Height;

    /// <summary>
    /// <paramref name="width"/> wide with the source's aspect ratio, height rounded to an even number (what the
    /// scaler needs); sources without a known size are taken as 16:9.
    /// </summary>
    public static FrameFormat For(int sourceWidth, int sourceHeight, int width, double rate)
    {
        var aspect = sourceWidth > 0 && sourceHeight > 0 ? sourceHeight / (double)sourceWidth : 9.0 / 16;
        var height = Math.Max(2, 2 * (int)Math.Round(width * aspect / 2));
        return new FrameFormat(width, height, rate);
    }
}
