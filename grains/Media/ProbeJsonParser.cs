using System.Globalization;
using System.Text.Json;

namespace Highlights.Grains.Media;

/// <summary>Turns <c>ffprobe -print_format json -show_format -show_streams</c> output into <see cref="MediaInfo"/>.</summary>
public static class ProbeJsonParser
{
    public static MediaInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var streams = root.TryGetProperty("streams", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().ToList()
            : [];

        var video = streams.Where(IsVideo).Select(ParseVideo).FirstOrDefault();
        var audio = streams.Where(x => Text(x, "codec_type") == "audio").Select(ParseAudio).FirstOrDefault();
        var subtitles = streams.Where(x => Text(x, "codec_type") == "subtitle")
            .Select(x => new SubtitleStreamInfo(Int(x, "index"), Text(x, "codec_name") ?? "unknown", Tag(x, "language")))
            .ToList();

        var duration = Double(format, "duration");
        if (duration is null or <= 0)
        {
            duration = streams.Select(x => Double(x, "duration")).Where(d => d > 0).DefaultIfEmpty(0).Max();
        }

        return new MediaInfo(Text(format, "format_name") ?? "unknown", duration ?? 0, video, audio, subtitles);
    }

    /// <summary>"30000/1001" to 29.97; ffprobe writes "0/0" when it does not know.</summary>
    public static double ParseRate(string? rate)
    {
        if (string.IsNullOrEmpty(rate))
        {
            return 0;
        }

        var parts = rate.Split('/');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var num)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var den)
            && den > 0)
        {
            return num / den;
        }

        return double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    // Cover art in audio files is a "video" stream with the attached_pic disposition: not a picture to cut.
    private static bool IsVideo(JsonElement stream) =>
        Text(stream, "codec_type") == "video"
        && !(stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1);

    private static VideoStreamInfo ParseVideo(JsonElement x)
    {
        var rate = ParseRate(Text(x, "avg_frame_rate"));
        if (rate <= 0)
        {
            rate = ParseRate(Text(x, "r_frame_rate"));
        }

        return new VideoStreamInfo(
            Int(x, "index"),
            Text(x, "codec_name") ?? "unknown",
            Int(x, "width"),
            Int(x, "height"),
            rate,
            Text(x, "pix_fmt"),
            Text(x, "color_transfer"),
            Text(x, "color_primaries"),
            Text(x, "color_space"),
            Text(x, "color_range"));
    }

    private static AudioStreamInfo ParseAudio(JsonElement x) =>
        new(Int(x, "index"), Text(x, "codec_name") ?? "unknown", (int)(Double(x, "sample_rate") ?? 0), Int(x, "channels"));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Tag(JsonElement element, string name) =>
        element.TryGetProperty("tags", out var tags) ? Text(tags, name) : null;

    private static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : 0;

    // ffprobe writes most numbers as strings ("duration": "6.000000").
    private static double? Double(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }
}
