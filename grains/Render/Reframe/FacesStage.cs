using Highlights.Grains.Actor;
using Highlights.Grains.Probe;
using Highlights.Grains.Selection;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Visual;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// For vertical and square reels: where the faces are inside the chosen segments, sampled densely (only those
/// seconds are decoded). Segments are searched in parallel, one detector each, and checkpointed as they finish.
/// A reel in the source's framing needs no faces and this stage does nothing.
/// </summary>
public sealed class FacesStage(
    SegmentFaceSampler sampler,
    IFrameAnalyzerFactory analyzers,
    IOptions<ReframeOptions> reframeOptions,
    IOptions<RenderOptions> renderOptions,
    IOptions<SignalsOptions> signalsOptions) : VideoStage<FaceTrack>
{
    public override string Name => StageNames.Faces;

    protected override async Task<FaceTrack> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var rate = reframeOptions.Value.FaceRate;
        if (ReelPlan.Resolve(context.State.Options.Reel, renderOptions.Value).Framing == Edl.ReelFraming.Source)
        {
            return new FaceTrack(rate, []);
        }

        var video = context.Require<ProbeResult>(StageNames.Probe).Media.Video!;
        var picks = context.Require<SelectionResult>(StageNames.Select).Segments;
        var format = FrameFormat.For(video.Width, video.Height, signalsOptions.Value.FrameWidth, rate);
        var saved = context.SavedPartial<FaceTrack>();
        var done = new Dictionary<(double, double), SegmentFaces>(
            saved is not null && saved.Rate == rate ? saved.Segments.Select(s => KeyValuePair.Create((s.Start, s.End), s)) : []);
        var gate = new Lock();
        var total = picks.Sum(p => p.End - p.Start);
        await Parallel.ForEachAsync(
            picks.Where(p => !done.ContainsKey((p.Start, p.End))),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (pick, ct) =>
            {
                using var analyzer = analyzers.Create();
                var samples = await sampler.SampleAsync(context.SourcePath(), video.Index, pick.Start, pick.End, format, analyzer, ct);
                FaceTrack progress;
                lock (gate)
                {
                    done[(pick.Start, pick.End)] = new SegmentFaces(pick.Start, pick.End, samples);
                    progress = new FaceTrack(rate, [.. done.Values.OrderBy(s => s.Start)]);
                    context.ReportProgress(done.Values.Sum(s => s.End - s.Start) / total);
                }

                await context.SavePartialAsync(progress, ct);
            });

        return new FaceTrack(rate, [.. done.Values.OrderBy(s => s.Start)]);
    }
}
