using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Loudness;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Render.Colour;
using Highlights.Grains.Render.Reframe;
using Highlights.Grains.Selection;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Edl;

/// <summary>
/// Builds the EDL: cuts on frames, then everything the render needs to repeat the reel exactly from the EDL alone:
/// transitions, each segment's loudness gain, its captions, its crop path, and how to read the source's colours.
/// </summary>
public sealed class EdlStage(IOptions<RenderOptions> renderOptions, IOptions<ReframeOptions> reframeOptions) : VideoStage<EdlDocument>
{
    public override string Name => StageNames.Edl;

    /// <summary>2: transitions, loudness, colour, framing, reframe and cues.</summary>
    public override int ResultVersion => 2;

    protected override Task<EdlDocument> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var options = renderOptions.Value;
        var probe = context.Require<ProbeResult>(StageNames.Probe);
        var video = probe.Media.Video ?? throw new InvalidOperationException("EDL needs a video stream");
        var selection = context.Require<SelectionResult>(StageNames.Select);
        var loudness = context.Require<LoudnessResult>(StageNames.Loudness);
        var reel = ReelPlan.Resolve(context.State.Options.Reel, options);
        var geometry = FrameGeometry.For(reel.Framing, video.Width, video.Height);
        var render = options.ToSettings(video.IsHdr && context.State.Options.ToneMapHdr) with
        {
            Framing = reel.Framing,
            Width = geometry.Width,
            Height = geometry.Height,
            Colour = ColourDecision.For(video),
            Loudness = loudness.Measured is { } measured ? new LoudnessSettings(reel.LoudnessTargetLufs, options.TruePeak, measured) : null,
            BurnCaptions = reel.BurnCaptions,
        };

        var edl = EdlBuilder.Build(context.State, probe.Media, selection, render);
        edl = EdlTransitions.Apply(edl, reel.Crossfade);
        edl = EdlLoudness.Apply(edl, context.Require<EnergySeries>(StageNames.Energy), options.LevellingRange);
        edl = EdlCaptions.Apply(edl, context.Require<Transcript>(StageNames.Transcript));
        edl = EdlReframing.FollowingFaces(edl, geometry, context.Require<FaceTrack>(StageNames.Faces).AllSamples, reframeOptions.Value);
        return Task.FromResult(edl);
    }
}
