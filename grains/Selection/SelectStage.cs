using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Probe;
using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <summary>Chooses the highlight segments offline (no network) from the transcript, audio energy and signals checkpoints.</summary>
public sealed class SelectStage(OfflineSelectorSettings settings) : VideoStage<SelectionResult>
{
    public override string Name => StageNames.Select;

    protected override Task<SelectionResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var transcript = context.Require<Transcript>(StageNames.Transcript);
        var energy = context.Require<EnergySeries>(StageNames.Energy);
        var signals = context.Require<SignalsResult>(StageNames.Signals).Signals;
        var input = new SelectionInput(probe.Media.DurationSeconds, transcript.Cues, energy, context.State.Options.TargetSeconds, SignalTimeline.From(signals));
        return Task.FromResult(new OfflineSelector(settings).Select(input));
    }
}
