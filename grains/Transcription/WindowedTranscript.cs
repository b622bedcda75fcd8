using Highlights.Grains.Captions;

namespace Highlights.Grains.Transcription;

/// <summary>The stitched transcript of long audio; <see cref="WindowsFromCheckpoint"/> of its windows were not transcribed again.</summary>
public sealed record WindowedTranscript(IReadOnlyList<Cue> Cues, string? Language, int Windows, int WindowsFromCheckpoint);
