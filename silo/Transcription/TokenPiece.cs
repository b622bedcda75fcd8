namespace Highlights.Silo.Transcription;

/// <summary>One text token of a segment as Whisper.net reports it, times in seconds from the start of the samples.</summary>
internal sealed record TokenPiece(string Text, double Start, double End, float Probability);
