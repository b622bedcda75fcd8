namespace Highlights.Whisper;

/// <summary>One word, in seconds from the start of the samples transcribed; <see cref="Probability"/> is the mean of its tokens'.</summary>
public sealed record WhisperWord(double Start, double End, string Text, float Probability);
