using Highlights.Grains.Edl;

namespace Highlights.Grains.Render;

public enum RenderOutput
{
    /// <summary>The finished reel: H.264 and AAC in MP4.</summary>
    Reel,

    /// <summary>One chunk of a parallel render: H.264 and PCM in MOV, so sound can be joined to the sample.</summary>
    Chunk,
}

/// <summary>
/// What to render (an EDL, or the slice of one a chunk holds), from which streams of its source, reading colours as
/// <see cref="Colour"/> says, into <see cref="OutputPath"/>. The filter graph and captions are written to the two
/// paths given before ffmpeg starts: a long reel's graph is too large for one command-line argument.
/// </summary>
public sealed record RenderJob(
    EdlDocument Edl,
    int VideoStream,
    int? AudioStream,
    ColourInput Colour,
    string OutputPath,
    string GraphPath,
    string CaptionsPath,
    RenderOutput Output = RenderOutput.Reel);

/// <summary>ffmpeg's arguments, the files they name (graph; captions or null), and the length of what it writes.</summary>
public sealed record RenderCommand(IReadOnlyList<string> Arguments, string FilterGraph, string? Captions, double OutputSeconds);
