using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Llm;
using Highlights.Grains.Probe;

namespace Highlights.Grains.Selection;

/// <summary>Chooses the highlight segments from the transcript and signal checkpoints: offline (no network), or with an LLM when the video asks for one.</summary>
public sealed class SelectStage(OfflineSelectorSettings settings, LlmSelectionService llm) : VideoStage<SelectionResult>
{
    public override string Name => StageNames.Select;

    /// <summary>2: segments carry their fused signal scores and LLM picks; the result carries the LLM summary.</summary>
    public override int ResultVersion => 2;

    protected override Task<SelectionResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var transcript = context.Require<Transcript>(StageNames.Transcript);
        var energy = context.Require<EnergySeries>(StageNames.Energy);
        var input = new SelectionInput(probe.Media.DurationSeconds, transcript.Cues, energy, context.State.Options.TargetSeconds);
        return context.State.Options.Llm is null
            ? Task.FromResult(new OfflineSelector(settings).Select(input))
            : llm.SelectAsync(context, input, cancellationToken);
    }
}
