namespace Highlights.Whisper;

/// <summary>How a <see cref="WhisperProcessor"/> decodes. Everything here can change the text it produces, except <see cref="Threads"/>.</summary>
public sealed record WhisperProcessorOptions
{
    /// <summary>CPU threads for whisper.cpp. Default: every core.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Spoken language as a whisper code (<c>en</c>, <c>de</c>, ...), or <c>auto</c> to detect it. English-only models always use <c>en</c>.</summary>
    public string Language { get; init; } = "en";

    /// <summary>1 decodes greedily; more keeps that many beams (slower, a little more accurate).</summary>
    public int BeamSize { get; init; } = 1;

    /// <summary>Text shown to the decoder before every 30 s chunk, to steer spelling of names and jargon. None by default.</summary>
    public string? InitialPrompt { get; init; }

    /// <summary>
    /// Encoder context in 20 ms frames; 0 uses the model's own (1500, i.e. 30 s). A smaller value is whisper.cpp's
    /// speed-up for short clips: it only hears the first AudioContext × 20 ms of each 30 s chunk.
    /// </summary>
    public int AudioContext { get; init; }
}
