using Highlights.Grains.Audio;

namespace Highlights.Grains.Transcription;

/// <summary>
/// Transcribes long audio window by window (<see cref="TranscriptionWindows"/>, stitched by <see cref="WindowStitcher"/>),
/// handing every finished window to a checkpoint, so an interrupted run continues at the next window. Memory stays
/// one window of samples; the model is loaded only when there is a window left to transcribe.
/// </summary>
public sealed class WindowedTranscriber(ITranscriber transcriber)
{
    /// <param name="checkpoint">Called after each window with all the work so far; returns once it is saved.</param>
    /// <param name="progress">0..1 of the whole audio, and which window is running.</param>
    public async Task<WindowedTranscript> RunAsync(
        TranscriptionRequest request,
        Func<TranscriptionCheckpoint, CancellationToken, Task> checkpoint,
        Action<double, string?> progress,
        CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var windows = TranscriptionWindows.Plan(request.SampleCount, PcmAudio.WhisperSampleRate, settings.WindowSeconds, settings.OverlapSeconds);
        var resumed = request.Resume is { } saved && saved.Settings == settings && saved.WindowsDone <= windows.Count ? saved : null;
        var cues = resumed?.Cues.ToList() ?? [];
        var language = resumed?.Language;
        var fromCheckpoint = resumed?.WindowsDone ?? 0;

        ITranscriptionSession? session = null;
        try
        {
            for (var i = fromCheckpoint; i < windows.Count; i++)
            {
                var window = windows[i];
                var detail = $"window {i + 1} of {windows.Count}";
                session ??= await transcriber.OpenAsync(settings, cancellationToken);
                var samples = PcmFile.Read(request.PcmPath, window.FeedStart, window.FeedLength);
                var heard = await session.TranscribeAsync(
                    samples,
                    fraction => progress((window.OwnStart + (fraction * (window.OwnEnd - window.OwnStart))) / request.SampleCount, detail),
                    cancellationToken);
                cues.AddRange(WindowStitcher.Keep(
                    heard.Cues,
                    Seconds(window.FeedStart),
                    i == 0 ? double.NegativeInfinity : Seconds(window.OwnStart),
                    i == windows.Count - 1 ? double.PositiveInfinity : Seconds(window.OwnEnd)));
                language ??= heard.Language;
                await checkpoint(new TranscriptionCheckpoint(settings, i + 1, cues.ToList(), language), cancellationToken);
            }
        }
        finally
        {
            session?.Dispose();
        }

        return new WindowedTranscript(cues, language, windows.Count, fromCheckpoint);
    }

    private static double Seconds(long samples) => samples / (double)PcmAudio.WhisperSampleRate;
}
