using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Hashing;
using Highlights.Grains.Inputs;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.State;
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
    IOptions<WhisperOptions> whisperOptions,
    InputFileGuard files) : VideoStage<Transcript>
{
    private const string EmbeddedFileName = "embedded-captions.srt";
    private const string OnlyAsAllowedProperty = "only_as_allowed";

    public override string Name => StageNames.Transcript;

    /// <summary>2: cues may carry words and no-speech probability; Whisper is a source.</summary>
    public override int ResultVersion => 2;

    /// <summary>A transcript left out only as <c>--allow-no-transcript</c> allowed stands only while the run allows it.</summary>
    public override bool Reusable(StageCheckpoint checkpoint, ProcessingOptions options) =>
        options.AllowNoTranscript
        || !(checkpoint.Result.TryGetProperty(OnlyAsAllowedProperty, out var allowed) && allowed.ValueKind == JsonValueKind.True);

    protected override async Task<Transcript> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        // Forcing Whisper needs something to hear; without audio, captions are still better than nothing.
        if (context.State.Options.ForceWhisper && context.Require<PcmAudio>(StageNames.Audio).Present)
        {
            return await TranscribeAsync(context, "captions ignored (--force-whisper)", cancellationToken);
        }

        var options = context.State.Options;
        if (options.CaptionsPath is { } recorded)
        {
            return await FromFileAsync(recorded, options.CaptionsSha256, cancellationToken);
        }

        // A sidecar the guard refuses (outside the allowed roots, not a regular file) is ignored, and the note says so.
        string? ignored = null;
        if (SidecarCaptions.Find(context.State.Source.Path) is { } sidecar)
        {
            if (files.Check(sidecar, out var reason) is { } admitted)
            {
                return await FromFileAsync(admitted, null, cancellationToken);
            }

            ignored = $"sidecar {Path.GetFileName(sidecar)} ignored: it {reason}";
        }

        var transcript = await FromEmbeddedAsync(context, cancellationToken)
            ?? await TranscribeAsync(context, NoCaptionsNote(context, ignored), cancellationToken);
        return ignored is null || transcript.Note?.Contains(ignored, StringComparison.Ordinal) == true
            ? transcript
            : transcript with { Note = transcript.Note is null ? ignored : $"{ignored}; {transcript.Note}" };
    }

    private async Task<Transcript?> FromEmbeddedAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var embedded = probe.Media.Subtitles.FirstOrDefault(s => s.IsText);
        if (embedded is null)
        {
            return null;
        }

        var extracted = Path.Combine(context.WorkDirectory, EmbeddedFileName);
        await media.RunFfmpegAsync(
            ["-i", context.SourcePath(), "-map", $"0:{embedded.Index}", "-c:s", "srt", "-f", "srt", extracted],
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
            return Transcript.Missing($"{why}; no transcript, as allowed by --allow-no-transcript: {ex.Message}") with { OnlyAsAllowed = true };
        }
        catch (TranscriberUnavailableException ex)
        {
            throw new InputRejectedException($"{why}; {ex.Message} (or give captions with --captions FILE, or pass --allow-no-transcript to go on without a transcript)");
        }
    }

    private static string NoCaptionsNote(StageContext context, string? ignoredSidecar)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var bitmapOnly = probe.Media.Subtitles.Count > 0 ? " (embedded subtitles are bitmaps, which need OCR)" : string.Empty;
        var ignored = ignoredSidecar is null ? string.Empty : $"; {ignoredSidecar}";
        return $"no captions found: no sidecar .srt/.vtt, no embedded text subtitles{bitmapOnly}{ignored}";
    }

    /// <summary>One open of the file, checked by the guard; the bytes hashed are the bytes parsed.</summary>
    private async Task<Transcript> FromFileAsync(string path, string? sha256, CancellationToken cancellationToken)
    {
        CaptionDocument document;
        await using (var stream = files.OpenRead(path, "caption file"))
        {
            try
            {
                var content = await CaptionParser.ReadAsync(stream, path, limits, cancellationToken);
                if (sha256 is not null && ContentHash.Of(content.Span) != sha256)
                {
                    throw InputFileGuard.Changed(path, "caption file");
                }

                document = CaptionParser.Parse(content.Span, path, limits);
            }
            catch (CaptionRejectedException ex)
            {
                throw new InputRejectedException(ex.Message);
            }
        }

        return new Transcript(TranscriptSource.Sidecar, path, document.Cues, document.SkippedCues, document.Cues.Count == 0 ? "caption file has no usable cues" : null);
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
