namespace Highlights.Grains.Transcription;

/// <summary>
/// How a Whisper transcript was made: the model, the language used, and how many of its windows were transcribed
/// by this run versus taken from the checkpoint of an interrupted one.
/// </summary>
public sealed record TranscriptionRun(string Model, string? Language, int Windows, int WindowsFromCheckpoint, double WindowSeconds, double OverlapSeconds);
