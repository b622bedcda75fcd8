using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Render.Chunks;
using Highlights.Grains.Telemetry;

namespace Highlights.Grains.Render;

/// <summary>
/// Renders the EDL into the work directory; the file appears only once complete. A chunked render checkpoints each
/// finished chunk, so a restart renders only the rest.
/// </summary>
public sealed class RenderStage(IMediaTool media, ReelRenderer renderer, HighlightsMetrics metrics) : VideoStage<RenderResult>
{
    public const string OutputFileName = "highlights.mp4";

    public override string Name => StageNames.Render;

    /// <summary>2: chunk count; loudness, colour, transitions, framing and captions in the render.</summary>
    public override int ResultVersion => 2;

    protected override async Task<RenderResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        // The source as it is now, re-checked: the EDL may have been made from the same content at another path.
        var edl = context.Require<EdlDocument>(StageNames.Edl);
        edl = edl with { Source = edl.Source with { Path = context.SourcePath() } };
        var target = Path.Combine(context.WorkDirectory, OutputFileName);
        var report = await renderer.RenderAsync(
            new ReelRenderRequest(
                edl,
                probe.Media,
                context.WorkDirectory,
                target,
                fraction => context.ReportProgress(fraction),
                context.SavedPartial<ChunkProgress>(),
                (progress, ct) => context.SavePartialAsync(progress, ct)),
            cancellationToken);

        var rendered = await media.ProbeAsync(target, cancellationToken);
        metrics.RenderOutput.Inc(rendered.DurationSeconds);
        return new RenderResult(OutputFileName, rendered.DurationSeconds, new FileInfo(target).Length, report.Chunks);
    }
}
