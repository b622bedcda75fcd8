using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Probe;
using Highlights.Grains.Signals;

namespace Highlights.Grains.Selection;

/// <summary>
/// Chooses the highlight segments from the transcript and signal checkpoints: offline (no network), or with an LLM
/// when the video asks for one. Both fuse the same tracks: audio excitement and visual reaction from the signals stage.
/// </summary>
public sealed class SelectStage(OfflineSelectorSettings settings, LlmSelectionService llm) : VideoStage<SelectionResult>
{
    public override string Name => StageNames.Select;

    /// <summary>
    /// 3: scores fuse the signals stage's audio excitement and visual reaction instead of plain loudness. 4: candidates
    /// also take their edges from the signals' moments, and sound and picture agreeing is scored.
    /// </summary>
    public override int ResultVersion => 4;

    protected override async Task<SelectionResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var transcript = context.Require<Transcript>(StageNames.Transcript);
        var energy = context.Require<EnergySeries>(StageNames.Energy);
        var signals = context.Require<SignalsResult>(StageNames.Signals).Signals;
        var input = new SelectionInput(probe.Media.DurationSeconds, transcript.Cues, energy, context.State.Options.TargetSeconds)
        {
            Signals = SelectionSignals.From(signals),
            FrameRate = probe.Media.Video?.FrameRate,
        };
        var result = context.State.Options.Llm is null
            ? new OfflineSelector(settings).Select(input, cancellationToken)
            : await llm.SelectAsync(context, input, cancellationToken);
        return TargetOverrun.Explain(result, input.TargetSeconds, transcript.Cues.Count > 0);
    }
}
