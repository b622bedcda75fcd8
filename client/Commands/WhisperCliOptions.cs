using System.CommandLine;
using System.Text.RegularExpressions;
using Highlights.Grains.Transcription;

namespace Highlights.Cli.Commands;

/// <summary>Command-line options shared by the commands that run Whisper.</summary>
public static partial class WhisperCliOptions
{
    public static Option<string?> Model() => new("--model")
    {
        Description = "Whisper model: a name from 'highlights models list' or a ggml model file (default: Whisper:Model, base.en)",
    };

    public static Option<string?> Language() => new Option<string?>("--language")
    {
        Description = "Spoken language: a code such as en, or auto to detect it (default: Whisper:Language, en)",
    }.Reject(v => !LanguageCode().IsMatch(v!), "--language must be auto or a language code such as en");

    /// <summary>A model name stays a name; anything else is a file, made absolute so the video's identity does not depend on the working directory.</summary>
    public static string? ResolveModel(string? value) =>
        value is null || WhisperModelCatalog.Find(value) is not null ? value : Path.GetFullPath(value);

    [GeneratedRegex("^(auto|[a-z]{2,3})$")]
    private static partial Regex LanguageCode();
}
