using Highlights.Grains.Actor;
using Highlights.Grains.Media;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Probe;

/// <summary>ffprobe sanity: fails fast, with one line naming the file and the reason, on input the pipeline cannot use.</summary>
public sealed class ProbeStage(IMediaTool media, IOptions<ProbeOptions> options) : VideoStage<ProbeResult>
{
    public override string Name => StageNames.Probe;

    protected override async Task<ProbeResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var path = context.SourcePath();
        var file = new FileInfo(path);
        if (file.Length == 0)
        {
            throw new InputRejectedException($"{path}: file is empty");
        }

        MediaInfo info;
        try
        {
            info = await media.ProbeAsync(path, cancellationToken);
        }
        catch (MediaUnreadableException ex)
        {
            throw new InputRejectedException($"{path}: not a readable media file ({ex.Message})");
        }

        if (ProbeRules.RejectionReason(info, options.Value.MaxDuration, context.State.Options.ToneMapHdr) is { } reason)
        {
            throw new InputRejectedException($"{path}: {reason}");
        }

        // A file cut short keeps its header's duration; only reading its last seconds shows the data is gone.
        context.ReportProgress(0.5, "checking the end of the file");
        if (await media.CountPacketsNearEndAsync(path, info.DurationSeconds, cancellationToken) == 0)
        {
            throw new InputRejectedException($"{path}: truncated (no data in the last seconds of the declared {info.DurationSeconds:0.0} s)");
        }

        var target = ProbeRules.TargetWarning(info.DurationSeconds, context.State.Options.TargetSeconds);
        return new ProbeResult(info, target is null ? ProbeRules.Warnings(info) : [.. ProbeRules.Warnings(info), target]);
    }
}
