using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Probe;

namespace Highlights.Grains.Selection;

/// <summary>Chooses the highlight segments offline (no network) from the transcript and audio energy checkpoints.</summary>
public sealed class SelectStage(OfflineSelectorSettings settings) : VideoStage<SelectionResult>
{
    public override string Name => StageNames.Select;

    protected override Task<SelectionResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var transcript = context.Require<Transcript>(StageNames.Transcript);
        var energy = context.Require<EnergySeries>(StageNames.Energy);
        var input = new SelectionInput(probe.Media.DurationSeconds, transcript.Cues, energy, context.State.Options.TargetSeconds);
        return Task.FromResult(new OfflineSelector(settings).Select(input));
    }
}
