using System.Text.Json;
using Highlights.Grains.Captions;
using Highlights.Grains.State;

namespace Highlights.Cli.Transcription;

/// <summary>The output formats of <c>highlights transcribe</c>.</summary>
public static class TranscriptFormats
{
    public const string Json = "json";
    public const string Srt = "srt";
    public const string Vtt = "vtt";

    public static IReadOnlyList<string> All { get; } = [Json, Srt, Vtt];

    public static string Render(TranscriptDocument document, string format) => format switch
    {
        Json => JsonSerializer.Serialize(document, StateJson.Indented) + "\n",
        Srt => SrtWriter.Write(document.Segments),
        Vtt => VttWriter.Write(document.Segments),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"format must be one of {string.Join(", ", All)}"),
    };
}
