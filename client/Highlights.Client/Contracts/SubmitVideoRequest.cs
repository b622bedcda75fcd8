namespace Highlights.Client.Contracts;

/// <summary>Body of <c>POST /v1/videos</c>: a source path under one of the server's allowed roots, and the options.</summary>
public sealed record SubmitVideoRequest
{
    /// <summary>Absolute path of the video on the server's storage.</summary>
    public required string Source { get; init; }

    /// <summary>Target length of the reel in seconds. Default 60.</summary>
    public double? TargetDuration { get; init; }

    /// <summary>Caption file (.srt/.vtt) on the server's storage, under an allowed root.</summary>
    public string? Captions { get; init; }

    /// <summary>Accept HDR input and tone-map it to SDR.</summary>
    public bool? ToneMap { get; init; }

    /// <summary>Who picks the highlights: <c>offline</c> (default) or <c>openai</c> (the server's OpenAI-compatible endpoint).</summary>
    public string? Llm { get; init; }

    /// <summary>The LLM model; default the server's <c>Llm:Model</c>. It needs a price in the server's price table.</summary>
    public string? LlmModel { get; init; }

    /// <summary>Most the video may spend on LLM calls, in USD; default the server's <c>Llm:VideoBudgetUsd</c>.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary><c>stop</c> or <c>offline</c> when the budget is reached; default the server's <c>Llm:OnBudgetExceeded</c>.</summary>
    public string? OnBudget { get; init; }

    /// <summary>Picture shape: <c>source</c>, <c>vertical</c> or <c>square</c> (or 16:9, 9:16, 1:1); default the server's <c>Render:Framing</c>.</summary>
    public string? Framing { get; init; }

    /// <summary>Integrated loudness target in LUFS: -16, -14 or -23; default the server's <c>Render:LoudnessTarget</c>.</summary>
    public double? Loudness { get; init; }

    /// <summary>Crossfade between segments in milliseconds, 0 to 5000; 0 cuts. Default the server's <c>Render:Crossfade</c>.</summary>
    public int? Crossfade { get; init; }

    /// <summary>Burn word-timed captions into the picture; default the server's <c>Render:BurnCaptions</c>.</summary>
    public bool? BurnCaptions { get; init; }

    /// <summary>Transcribe with Whisper even when the video has captions.</summary>
    public bool? ForceWhisper { get; init; }

    /// <summary>Go on without a transcript when Whisper cannot run on the server (no model installed).</summary>
    public bool? AllowNoTranscript { get; init; }

    /// <summary>Whisper model, by its name in the server's catalog (<c>highlights models list</c>); default the server's <c>Whisper:Model</c>.</summary>
    public string? WhisperModel { get; init; }
}
