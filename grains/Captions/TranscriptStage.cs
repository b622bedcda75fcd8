using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Transcription;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Captions;

/// <summary>
/// The transcript. Captions win: an explicit file, else a sidecar next to the input, else the first embedded text
/// subtitle stream. Without captions (or with <c>--force-whisper</c> and audio) the extracted audio is transcribed by Whisper,
/// window by window, each window checkpointed. When Whisper cannot run (no model), the stage stops with the missing
/// file and the command that gets it, unless the user allowed going on without a transcript. Never an invented one.
/// </summary>
public sealed class TranscriptStage(
    IMediaTool media,
    CaptionLimits limits,
    WindowedTranscriber transcriber,
    IOptions<WhisperOptions> whisperOptions) : VideoStage<Transcript>
{
    private const string EmbeddedFileName = "embedded-captions.srt";

    public override string Name => StageNames.Transcript;

    /// <summary>2: cues may carry words and no-speech probability; Whisper is a source.</summary>
    public override int ResultVersion => 2;

    protected override async Task<Transcript> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        // Forcing Whisper needs something to hear; without audio, captions are still better than nothing.
        if (context.State.Options.ForceWhisper && context.Require<PcmAudio>(StageNames.Audio).Present)
        {
            return await TranscribeAsync(context, "captions ignored (--force-whisper)", cancellationToken);
        }

        return await FromCaptionsAsync(context, cancellationToken)
            ?? await TranscribeAsync(context, NoCaptionsNote(context), cancellationToken);
    }

    private async Task<Transcript?> FromCaptionsAsync(StageContext context, CancellationToken cancellationToken)
    {
        var explicitPath = context.State.Options.CaptionsPath;
        if (explicitPath is not null)
        {
            return await FromFileAsync(explicitPath, TranscriptSource.Sidecar, cancellationToken);
        }

        if (SidecarCaptions.Find(context.State.Source.Path) is { } sidecar)
        {
            return await FromFileAsync(sidecar, TranscriptSource.Sidecar, cancellationToken);
        }

        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var embedded = probe.Media.Subtitles.FirstOrDefault(s => s.IsText);
        if (embedded is null)
        {
            return null;
        }

        var extracted = Path.Combine(context.WorkDirectory, EmbeddedFileName);
        await media.RunFfmpegAsync(
            ["-i", context.State.Source.Path, "-map", $"0:{embedded.Index}", "-c:s", "srt", "-f", "srt", extracted],
            probe.Media.DurationSeconds,
            fraction => context.ReportProgress(fraction, "extracting embedded captions"),
            cancellationToken);
        var document = await ParseAsync(extracted, cancellationToken);
        return new Transcript(TranscriptSource.Embedded, $"stream #{embedded.Index} ({embedded.Codec})", document.Cues, document.SkippedCues, null);
    }

    private async Task<Transcript> TranscribeAsync(StageContext context, string why, CancellationToken cancellationToken)
    {
        var pcm = context.Require<PcmAudio>(StageNames.Audio);
        if (!pcm.Present || pcm.FileName is null)
        {
            return Transcript.Missing($"{why}; no audio to transcribe");
        }

        var settings = whisperOptions.Value.Settings(context.State.Options.WhisperModel);
        var request = new TranscriptionRequest(
            Path.Combine(context.WorkDirectory, pcm.FileName), pcm.SampleCount, settings, context.SavedPartial<TranscriptionCheckpoint>());
        try
        {
            var result = await transcriber.RunAsync(request, context.SavePartialAsync, context.ReportProgress, cancellationToken);
            var run = new TranscriptionRun(settings.Model, result.Language, result.Windows, result.WindowsFromCheckpoint, settings.WindowSeconds, settings.OverlapSeconds);
            var note = result.Cues.Count == 0 ? "Whisper heard no speech" : null;
            return new Transcript(TranscriptSource.Whisper, $"whisper {settings.Model}", result.Cues, 0, note, run);
        }
        catch (TranscriberUnavailableException ex) when (context.State.Options.AllowNoTranscript)
        {
            return Transcript.Missing($"{why}; no transcript, as allowed by --allow-no-transcript: {ex.Message}");
        }
        catch (TranscriberUnavailableException ex)
        {
            throw new InputRejectedException($"{ex.Message} (or pass --allow-no-transcript to go on without a transcript)");
        }
    }

    private static string NoCaptionsNote(StageContext context)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var bitmapOnly = probe.Media.Subtitles.Count > 0 ? " (embedded subtitles are bitmaps, which need OCR)" : string.Empty;
        return $"no captions found: no sidecar .srt/.vtt, no embedded text subtitles{bitmapOnly}";
    }

    private async Task<Transcript> FromFileAsync(string path, TranscriptSource source, CancellationToken cancellationToken)
    {
        var document = await ParseAsync(path, cancellationToken);
        return new Transcript(source, path, document.Cues, document.SkippedCues, document.Cues.Count == 0 ? "caption file has no usable cues" : null);
    }

    private async Task<CaptionDocument> ParseAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await CaptionParser.ParseFileAsync(path, limits, cancellationToken);
        }
        catch (CaptionRejectedException ex)
        {
            throw new InputRejectedException(ex.Message);
        }
        catch (FileNotFoundException)
        {
            throw new InputRejectedException($"{path}: caption file not found");
        }
    }
}
