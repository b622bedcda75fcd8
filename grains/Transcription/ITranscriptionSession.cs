namespace Highlights.Grains.Transcription;

/// <summary>A loaded model, ready to transcribe one stretch of audio at a time.</summary>
public interface ITranscriptionSession : IDisposable
{
    /// <summary>
    /// Transcribes 16 kHz mono samples. Times in the result are seconds from the first sample.
    /// <paramref name="progress"/> receives 0..1 of this call.
    /// </summary>
    Task<TranscribedAudio> TranscribeAsync(ReadOnlyMemory<float> samples, Action<double>? progress, CancellationToken cancellationToken);
}
