namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Per-frame measurements of one video. Frame i of the motion series is at i / <see cref="FrameRate"/> seconds;
/// face sample j is at j / <see cref="FaceRate"/> seconds. <see cref="Motion"/> and <see cref="SceneCut"/> of the
/// first frame are 0 (nothing to compare with).
/// </summary>
public sealed record VisualFrames(
    FrameFormat Format,
    double FaceRate,
    float[] Motion,
    float[] HistogramDistance,
    bool[] SceneCut,
    float[] FaceCount,
    float[] LargestFace,
    float[] Smile)
{
    public double FrameRate => Format.Rate;

    public int Frames => Motion.Length;

    public static VisualFrames Empty(FrameFormat format, double faceRate) => new(format, faceRate, [], [], [], [], [], []);
}
