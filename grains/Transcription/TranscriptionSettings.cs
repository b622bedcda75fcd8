namespace Highlights.Grains.Transcription;

/// <summary>
/// Everything that shapes a Whisper transcript. Windows checkpointed under other settings are not resumed.
/// <see cref="Model"/> is a catalog name (<c>base.en</c>) or a file path, as the user gave it.
/// </summary>
public sealed record TranscriptionSettings(
    string Model,
    string Language,
    int BeamSize,
    string? InitialPrompt,
    int AudioContext,
    double WindowSeconds,
    double OverlapSeconds);
