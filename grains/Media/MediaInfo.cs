namespace Highlights.Grains.Media;

/// <summary>What ffprobe said about an input, reduced to what the pipeline decides on.</summary>
public sealed record MediaInfo(
    string FormatName,
    double DurationSeconds,
    VideoStreamInfo? Video,
    AudioStreamInfo? Audio,
    IReadOnlyList<SubtitleStreamInfo> Subtitles);

public sealed record VideoStreamInfo(
    int Index,
    string Codec,
    int Width,
    int Height,
    double FrameRate,
    string? PixelFormat,
    string? ColorTransfer,
    string? ColorPrimaries,
    string? ColorSpace,
    string? ColorRange)
{
    /// <summary>PQ (SMPTE ST 2084) or HLG (ARIB STD-B67) transfer: needs tone-mapping for SDR output.</summary>
    public bool IsHdr => ColorTransfer is "smpte2084" or "arib-std-b67";
}

public sealed record AudioStreamInfo(int Index, string Codec, int SampleRate, int Channels);

public sealed record SubtitleStreamInfo(int Index, string Codec, string? Language)
{
    /// <summary>Text subtitle codecs ffmpeg can convert to SRT; bitmap ones (PGS, DVD) would need OCR.</summary>
    public bool IsText => Codec is "subrip" or "srt" or "ass" or "ssa" or "mov_text" or "webvtt" or "text";
}
