namespace Highlights.Whisper;

/// <summary>What a model file's headers say. <see cref="Tensors"/> is 0 for whisper.cpp's weightless test models.</summary>
internal sealed record WhisperModelSummary(int VocabularySize, int AudioLayers, int TextLayers, int MelBins, int Tensors);
