namespace Highlights.Silo.Transcription;

/// <summary>What a model file's headers say. <see cref="Tensors"/> is 0 for whisper.cpp's weightless test models.</summary>
internal sealed record WhisperModelSummary(int VocabularySize, int AudioLayers, int TextLayers, int MelBins, int Tensors)
{
    /// <summary>Multilingual vocabularies are larger by the language tokens (whisper.cpp's own test: 51865 or more).</summary>
    public bool IsMultilingual => VocabularySize >= 51865;

    /// <summary>
    /// whisper.cpp's end-of-text token; every token from it up is a control or timestamp token, never text.
    /// Whisper.net does not expose it, so it is derived here the way whisper.cpp sets it at load.
    /// </summary>
    public int EndOfText => IsMultilingual ? 50257 : 50256;
}
