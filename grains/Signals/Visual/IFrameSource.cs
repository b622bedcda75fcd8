namespace Highlights.Grains.Signals.Visual;

/// <summary>Decodes a video stream into raw grey frames (<see cref="FrameFormat"/>) and hands them over as a byte stream, never through a file.</summary>
public interface IFrameSource
{
    /// <summary>
    /// Streams stream <paramref name="streamIndex"/> of <paramref name="path"/> to <paramref name="consume"/>, which
    /// reads frames of <see cref="FrameFormat.FrameBytes"/> bytes back to back until the end of the stream.
    /// </summary>
    Task StreamAsync(string path, int streamIndex, FrameFormat format, FrameSelection selection, Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken);
}
