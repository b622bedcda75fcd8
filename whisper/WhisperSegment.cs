namespace Highlights.Whisper;

/// <summary>
/// One segment of whisper's output, in seconds from the start of the samples transcribed, with its words and the
/// probability whisper gave to "no speech here" (high on silence and noise, where any text is suspect).
/// </summary>
public sealed record WhisperSegment(double Start, double End, string Text, float NoSpeechProbability, IReadOnlyList<WhisperWord> Words);
