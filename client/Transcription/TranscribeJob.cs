using System.Diagnostics;
using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Media;
using Highlights.Grains.Transcription;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Highlights.Cli.Transcription;

public sealed record TranscribeRequest(string Input, string? Model, string? Language);

/// <summary>
/// One <c>transcribe</c> run on any audio or video file: probe, decode the first audio stream to PCM in a temp
/// folder, transcribe it window by window. Unlike <c>process</c> it keeps no state, so it does not resume; its
/// progress is drawn as two stages, <c>audio</c> and <c>transcript</c>.
/// </summary>
public static class TranscribeJob
{
    public static async Task<TranscriptDocument> RunAsync(
        IServiceProvider services, TranscribeRequest request, IProgress<PipelineEvent> progress, CancellationToken cancellationToken)
    {
        var media = services.GetRequiredService<IMediaTool>();
        var input = Path.GetFullPath(request.Input);
        var audio = await ProbeAudioAsync(media, input, cancellationToken);
        var options = services.GetRequiredService<IOptions<WhisperOptions>>().Value;
        var settings = options.Settings(request.Model, request.Language);

        // Said before decoding what may be hours of audio: the usual reason Whisper cannot run.
        var modelPath = WhisperModelLocator.PathFor(settings.Model, options.ModelsDirectory);
        if (!File.Exists(modelPath))
        {
            throw new TranscriberUnavailableException(WhisperModelLocator.Missing(settings.Model, modelPath));
        }

        var work = Directory.CreateTempSubdirectory("highlights-transcribe-");
        try
        {
            var pcmPath = Path.Combine(work.FullName, AudioExtractStage.PcmFileName);
            var samples = await RunStageAsync(StageNames.Audio, progress, () => PcmDecoder.DecodeAsync(
                media, input, audio.Stream.Index, audio.DurationSeconds, pcmPath,
                fraction => progress.Report(new PipelineEvent.Progressed(StageNames.Audio, fraction, "decoding")),
                cancellationToken));

            var result = await RunStageAsync(StageNames.Transcript, progress, () => services.GetRequiredService<WindowedTranscriber>().RunAsync(
                new TranscriptionRequest(pcmPath, samples, settings, Resume: null),
                (_, _) => Task.CompletedTask,
                (fraction, detail) => progress.Report(new PipelineEvent.Progressed(StageNames.Transcript, fraction, detail)),
                cancellationToken));
            return new TranscriptDocument(input, samples / (double)PcmAudio.WhisperSampleRate, settings.Model, result.Language, result.Windows, result.Cues);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(AudioStreamInfo Stream, double DurationSeconds)> ProbeAudioAsync(IMediaTool media, string input, CancellationToken cancellationToken)
    {
        if (!File.Exists(input))
        {
            throw new InputRejectedException($"{input}: file not found");
        }

        MediaInfo info;
        try
        {
            info = await media.ProbeAsync(input, cancellationToken);
        }
        catch (MediaUnreadableException ex)
        {
            throw new InputRejectedException($"{input}: not a readable media file ({ex.Message})");
        }

        return info.Audio is { } stream
            ? (stream, info.DurationSeconds)
            : throw new InputRejectedException($"{input}: no audio stream to transcribe");
    }

    private static async Task<T> RunStageAsync<T>(string stage, IProgress<PipelineEvent> progress, Func<Task<T>> body)
    {
        progress.Report(new PipelineEvent.Started(stage));
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await body();
            progress.Report(new PipelineEvent.Completed(stage, Stopwatch.GetElapsedTime(started)));
            return result;
        }
        catch (OperationCanceledException)
        {
            progress.Report(new PipelineEvent.Stopped(stage, "cancelled"));
            throw;
        }
        catch (Exception ex)
        {
            progress.Report(new PipelineEvent.Failed(stage, ex.Message));
            throw;
        }
    }
}
