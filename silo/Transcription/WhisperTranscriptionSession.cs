using Highlights.Grains.Captions;
using Highlights.Grains.Transcription;
using Highlights.Whisper;

namespace Highlights.Silo.Transcription;

/// <summary>One loaded model and its processor. whisper.cpp blocks its caller for the whole call, so each call gets a thread of its own.</summary>
internal sealed class WhisperTranscriptionSession(WhisperModel model, WhisperProcessor processor) : ITranscriptionSession
{
    public Task<TranscribedAudio> TranscribeAsync(ReadOnlyMemory<float> samples, Action<double>? progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => ToTranscribedAudio(processor.Process(samples.Span, progress, cancellationToken)),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    public void Dispose()
    {
        processor.Dispose();
        model.Dispose();
    }

    internal static TranscribedAudio ToTranscribedAudio(WhisperResult result) => new(
        result.Segments
            .Where(s => s.Text.Length > 0)
            .Select(s => new Cue(
                s.Start,
                s.End,
                s.Text,
                s.Words.Select(w => new Word(w.Start, w.End, w.Text, Math.Round(w.Probability, 4))).ToList(),
                Math.Round(s.NoSpeechProbability, 4)))
            .ToList(),
        result.Language);
}
