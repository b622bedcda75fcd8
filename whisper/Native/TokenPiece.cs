namespace Highlights.Whisper.Native;

/// <summary>One text token as whisper.cpp returns it: raw UTF-8 (possibly half a character), times in seconds, probability.</summary>
internal sealed record TokenPiece(byte[] Utf8, double Start, double End, float Probability);
