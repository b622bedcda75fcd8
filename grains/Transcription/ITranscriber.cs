namespace Highlights.Grains.Transcription;

/// <summary>
/// Speech to text for the transcript stage. The whisper.cpp implementation is registered by the silo, so the grains
/// stay free of native code and another engine can drop in as one new adapter.
/// </summary>
public interface ITranscriber
{
    /// <summary>
    /// Loads the model <paramref name="settings"/> name. Throws <see cref="TranscriberUnavailableException"/> when the
    /// model or the engine is missing or unusable, with a message naming the file and how to get it.
    /// </summary>
    Task<ITranscriptionSession> OpenAsync(TranscriptionSettings settings, CancellationToken cancellationToken);
}
