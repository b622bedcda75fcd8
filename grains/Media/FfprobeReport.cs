using System.Globalization;
using System.Text.Json;
using FFMpegCore;

namespace Highlights.Grains.Media;

/// <summary>
/// Reads <c>ffprobe -print_format json -show_format -show_streams</c> output through FFMpegCore's typed analysis
/// (<see cref="FFProbeAnalysis"/>) into <see cref="MediaInfo"/>. ffprobe itself runs under our process runner, not
/// <see cref="FFProbe"/>: docs/media-processes.md says why.
/// </summary>
public static class FfprobeReport
{
    // FFMpegCore's own settings for this model.
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static MediaInfo Read(string json)
    {
        var analysis = JsonSerializer.Deserialize<FFProbeAnalysis>(json, Json) ?? throw new JsonException("ffprobe wrote no analysis");
        var streams = analysis.Streams ?? [];
        var video = streams.Where(IsPicture).Select(Video).FirstOrDefault();
        var audio = streams.Where(s => s.CodecType == "audio")
            .Select(s => new AudioStreamInfo(s.Index, s.CodecName ?? "unknown", (int)Number(s.SampleRate), s.Channels ?? 0))
            .FirstOrDefault();
        var subtitles = streams.Where(s => s.CodecType == "subtitle")
            .Select(s => new SubtitleStreamInfo(s.Index, s.CodecName ?? "unknown", s.Tags?.GetValueOrDefault("language")))
            .ToList();

        // Matroska often has no container duration; its streams carry one.
        var duration = Number(analysis.Format?.Duration);
        if (duration <= 0)
        {
            duration = streams.Select(s => Number(s.Duration)).DefaultIfEmpty(0).Max();
        }

        return new MediaInfo(analysis.Format?.FormatName ?? "unknown", duration, video, audio, subtitles);
    }

    /// <summary>"30000/1001" to 29.97; ffprobe writes "0/0" when it does not know.</summary>
    public static double FrameRate(string? rate)
    {
        var parts = (rate ?? string.Empty).Split('/');
        return parts.Length == 2
            ? Number(parts[1]) is > 0 and var den ? Number(parts[0]) / den : 0
            : Number(rate);
    }

    // Cover art in audio files is a "video" stream with the attached_pic disposition: not a picture to cut.
    private static bool IsPicture(FFProbeStream stream) =>
        stream.CodecType == "video" && stream.Disposition?.GetValueOrDefault("attached_pic") != 1;

    private static VideoStreamInfo Video(FFProbeStream s)
    {
        var rate = FrameRate(s.AvgFrameRate);
        return new VideoStreamInfo(
            s.Index,
            s.CodecName ?? "unknown",
            s.Width ?? 0,
            s.Height ?? 0,
            rate > 0 ? rate : FrameRate(s.FrameRate),
            s.PixelFormat,
            s.ColorTransfer,
            s.ColorPrimaries,
            s.ColorSpace,
            s.ColorRange);
    }

    // ffprobe writes most numbers as strings ("duration": "6.000000"), and "N/A" when it has none.
    private static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
