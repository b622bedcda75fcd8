using Highlights.Grains.Actor;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Selection;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Edl;

public sealed class EdlStage(IOptions<RenderOptions> renderOptions) : VideoStage<EdlDocument>
{
    public override string Name => StageNames.Edl;

    protected override Task<EdlDocument> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var selection = context.Require<SelectionResult>(StageNames.Select);
        var render = renderOptions.Value.ToSettings(probe.Media.Video?.IsHdr == true && context.State.Options.ToneMapHdr);
        return Task.FromResult(EdlBuilder.Build(context.State, probe.Media, selection, render));
    }
}
