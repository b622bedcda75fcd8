using Highlights.Grains.Actor;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.State;

namespace Highlights.Grains.Render;

/// <summary>Renders the EDL with one ffmpeg run into the work directory; the file appears only once complete.</summary>
public sealed class RenderStage(IMediaTool media) : VideoStage<RenderResult>
{
    public const string OutputFileName = "highlights.mp4";

    public override string Name => StageNames.Render;

    protected override async Task<RenderResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var edl = context.Require<EdlDocument>(StageNames.Edl);
        var target = Path.Combine(context.WorkDirectory, OutputFileName);
        await AtomicFile.ProduceAsync(target, temp => media.RunFfmpegAsync(
            RenderCommandBuilder.Build(edl, probe.Media.Video!.Index, probe.Media.Audio?.Index, temp),
            edl.TotalDuration,
            fraction => context.ReportProgress(fraction),
            cancellationToken));

        var rendered = await media.ProbeAsync(target, cancellationToken);
        Telemetry.HighlightsMetrics.RenderOutput.Add(rendered.DurationSeconds);
        return new RenderResult(OutputFileName, rendered.DurationSeconds, new FileInfo(target).Length);
    }
}
