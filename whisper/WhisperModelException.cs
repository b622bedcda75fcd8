namespace Highlights.Whisper;

/// <summary>A model file is missing, damaged, or refused by whisper.cpp. <see cref="Path"/> names it.</summary>
public sealed class WhisperModelException(string path, string reason)
    : WhisperException($"Whisper model {path}: {reason}")
{
    public string Path { get; } = path;
}
