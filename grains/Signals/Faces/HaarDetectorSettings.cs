namespace Highlights.Grains.Signals.Faces;

/// <summary>How the Haar search runs; the values come from <see cref="SignalsOptions"/>, validated there.</summary>
internal sealed record HaarDetectorSettings(int MinFacePixels, double ScaleFactor, int MinNeighbors, int SmileMinNeighbors, double ProfileScale);
