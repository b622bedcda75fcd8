namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// What the faces in one frame add up to: how many, the largest one's height as a fraction of the frame's, and the
/// strongest smile score (0..1) among them.
/// </summary>
public readonly record struct FrameFaces(int Count, double LargestFace, double Smile)
{
    public static FrameFaces Summarise(IReadOnlyList<DetectedFace> faces, int frameHeight) =>
        faces.Count == 0
            ? default
            : new FrameFaces(faces.Count, Math.Clamp(faces.Max(f => f.Height) / (double)frameHeight, 0, 1), faces.Max(f => f.SmileScore));
}
