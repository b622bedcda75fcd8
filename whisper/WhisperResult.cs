namespace Highlights.Whisper;

/// <summary>What one <see cref="WhisperProcessor.Process"/> call heard; <see cref="Language"/> is the language whisper used (detected when asked).</summary>
public sealed record WhisperResult(IReadOnlyList<WhisperSegment> Segments, string? Language)
{
    public static WhisperResult Empty { get; } = new([], null);
}
