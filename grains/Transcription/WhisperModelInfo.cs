namespace Highlights.Grains.Transcription;

/// <summary>A published whisper.cpp ggml model: its name, size and SHA-256 as listed by the Hugging Face repository.</summary>
public sealed record WhisperModelInfo(string Name, long Bytes, string Sha256, string About)
{
    public string FileName => $"ggml-{Name}.bin";
}
