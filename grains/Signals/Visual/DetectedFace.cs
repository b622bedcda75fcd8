namespace Highlights.Grains.Signals.Visual;

/// <summary>A face in an analysed frame, in that frame's pixels. <see cref="SmileScore"/> is 0 (no smile) .. 1.</summary>
public sealed record DetectedFace(int X, int Y, int Width, int Height, bool Profile, double SmileScore);
