using Highlights.Grains.Captions;

namespace Highlights.Grains.Transcription;

/// <summary>What one stretch of audio said: cues with their words, and the language the recogniser used.</summary>
public sealed record TranscribedAudio(IReadOnlyList<Cue> Cues, string? Language);
