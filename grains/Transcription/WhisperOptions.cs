using System.ComponentModel.DataAnnotations;

namespace Highlights.Grains.Transcription;

/// <summary>Configuration section <c>Whisper</c> (environment: <c>HIGHLIGHTS_WHISPER__MODEL</c>, ...): speech recognition.</summary>
public sealed class WhisperOptions : IValidatableObject
{
    public const string Section = "Whisper";

    /// <summary>
    /// The model: a name from <c>highlights models list</c> (a file in <see cref="ModelsDirectory"/>) or the path of a
    /// ggml model file. <c>--model</c> overrides it per run. Default <c>base.en</c>.
    /// </summary>
    [Required]
    public string Model { get; set; } = "base.en";

    /// <summary>Where <c>highlights models download</c> puts models and names are looked up. Default <c>$XDG_DATA_HOME/highlights/models</c> or <c>~/.local/share/highlights/models</c>.</summary>
    [Required]
    public string ModelsDirectory { get; set; } = DefaultModelsDirectory();

    /// <summary>Where models are downloaded from (a mirror of the Hugging Face repository works). Default the whisper.cpp repository on Hugging Face.</summary>
    [Required]
    [Url]
    public string DownloadBaseUrl { get; set; } = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main";

    /// <summary>Spoken language: a whisper code (<c>en</c>, <c>de</c>, ...) or <c>auto</c> to detect it. Default <c>en</c>.</summary>
    [Required]
    [RegularExpression("^(auto|[a-z]{2,3})$", ErrorMessage = "Whisper:Language must be auto or a language code such as en")]
    public string Language { get; set; } = "en";

    /// <summary>CPU threads for whisper.cpp (Whisper.net's CPU runtime). Default: the machine's cores.</summary>
    [Range(1, 4096)]
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>1 decodes greedily (fastest); whisper.cpp's command line uses 5 (slower, a little more accurate). Default 1.</summary>
    [Range(1, 16)]
    public int BeamSize { get; set; } = 1;

    /// <summary>Domain vocabulary shown to the decoder before every 30 s chunk (names, jargon). Default none.</summary>
    [StringLength(1000)]
    public string? InitialPrompt { get; set; }

    /// <summary>
    /// Encoder context in 20 ms frames; 0 (default) is the model's own 30 s. Smaller is whisper.cpp's speed-up for
    /// short windows: the encoder then hears only the first AudioContext × 20 ms of each 30 s chunk.
    /// </summary>
    [Range(0, 1500)]
    public int AudioContext { get; set; }

    /// <summary>Long audio is transcribed, and checkpointed, in windows this long. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WindowDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Audio whisper also hears on each side of a window, so words cut by its edges are heard whole. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WindowOverlap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The settings for one transcript; <paramref name="model"/> and <paramref name="language"/> override the configured ones.</summary>
    public TranscriptionSettings Settings(string? model = null, string? language = null) =>
        new(
            model ?? Model,
            language ?? Language,
            BeamSize,
            string.IsNullOrWhiteSpace(InitialPrompt) ? null : InitialPrompt,
            AudioContext,
            WindowDuration.TotalSeconds,
            WindowOverlap.TotalSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WindowOverlap >= WindowDuration)
        {
            yield return new ValidationResult(
                $"Whisper:WindowOverlap ({WindowOverlap}) must be shorter than Whisper:WindowDuration ({WindowDuration})",
                [nameof(WindowOverlap)]);
        }
    }

    private static string DefaultModelsDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "highlights", "models");
    }
}
