using Highlights.Grains.Captions;

namespace Highlights.Grains.Transcription;

/// <summary>
/// The transcript stage's partial work: the first <see cref="WindowsDone"/> windows, transcribed with
/// <see cref="Settings"/>, and their cues. A restart with the same settings continues at the next window.
/// </summary>
public sealed record TranscriptionCheckpoint(TranscriptionSettings Settings, int WindowsDone, IReadOnlyList<Cue> Cues, string? Language);
