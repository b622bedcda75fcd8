using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;

namespace Highlights.Grains.Captions;

/// <summary>
/// The transcript from captions: an explicit file, else a sidecar next to the input, else the first embedded
/// text subtitle stream. No captions means no transcript (and the report says so), never an invented one.
/// </summary>
public sealed class TranscriptStage(IMediaTool media, CaptionLimits limits) : VideoStage<Transcript>
{
    private const string EmbeddedFileName = "embedded-captions.srt";

    public override string Name => StageNames.Transcript;

    protected override async Task<Transcript> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
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
        if (embedded is not null)
        {
            var extracted = Path.Combine(context.WorkDirectory, EmbeddedFileName);
            await media.RunFfmpegAsync(
                ["-i", context.State.Source.Path, "-map", $"0:{embedded.Index}", "-c:s", "srt", "-f", "srt", extracted],
                probe.Media.DurationSeconds,
                fraction => context.ReportProgress(fraction, "extracting embedded captions"),
                cancellationToken);
            var document = await ParseAsync(extracted, cancellationToken);
            return new Transcript(TranscriptSource.Embedded, $"stream #{embedded.Index} ({embedded.Codec})", document.Cues, document.SkippedCues, null);
        }

        var bitmapOnly = probe.Media.Subtitles.Count > 0 ? " (embedded subtitles are bitmaps, which need OCR)" : string.Empty;
        return Transcript.Missing($"no captions found: no sidecar .srt/.vtt, no embedded text subtitles{bitmapOnly}");
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
