namespace Highlights.Grains.Signals.Visual;

/// <summary>
/// Finds faces and smiles in one grey frame. Not thread-safe: each worker gets its own from
/// <see cref="IFrameAnalyzerFactory"/>. The seam where another detector (OpenCvSharp, a DNN) would plug in.
/// </summary>
public interface IFrameAnalyzer : IDisposable
{
    /// <summary>Faces found, largest first. <paramref name="stride"/> is the byte distance between rows.</summary>
    IReadOnlyList<DetectedFace> FindFaces(ReadOnlySpan<byte> grey, int width, int height, int stride);
}

public interface IFrameAnalyzerFactory
{
    IFrameAnalyzer Create();
}
