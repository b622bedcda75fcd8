using Highlights.Grains.Actor;
using Highlights.Grains.Audio;
using Highlights.Grains.Captions;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Render.Reframe;
using Highlights.Grains.State;
using Microsoft.Extensions.Options;

namespace Highlights.Grains.Edl;

/// <summary>
/// Turns an EDL edited in review into the next version of a completed video's EDL. Only the segments are taken from
/// the edit, in its order (the reel's); source, render settings and selector stay the machine's, so an edit cannot
/// point the render at another file or other settings. Cuts inside a recognised word move to its edge
/// (<see cref="WordBoundaries"/>), then <see cref="EdlValidator"/> snaps them to frames and checks them against the
/// source; what follows from the times (captions and text, loudness gains, crop paths) is derived again from the
/// video's checkpoints, as the EDL stage does. No I/O.
/// </summary>
public sealed class EdlReviser(IOptions<RenderOptions> renderOptions, IOptions<ReframeOptions> reframeOptions)
{
    public EdlValidation Revise(VideoState state, EdlDocument edited)
    {
        var machine = state.ResultOf<EdlDocument>(StageNames.Edl)
            ?? throw new IllegalTransitionException($"video {state.VideoId} has no EDL to revise");
        var media = state.ResultOf<ProbeResult>(StageNames.Probe)?.Media
            ?? throw new IllegalTransitionException($"video {state.VideoId} has no probe of its source");
        if (edited.Version != EdlDocument.CurrentVersion)
        {
            return Reject("version", $"{edited.Version}, but this server reads EDL version {EdlDocument.CurrentVersion}");
        }

        if (edited.Source is null || !string.Equals(edited.Source.Sha256, machine.Source.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            return Reject("source.sha256", "not this video's source: an edit keeps the source of the EDL it was made from");
        }

        if (edited.Segments is null || edited.Segments.Contains(null!))
        {
            return Reject("segments", "must be an array of segments");
        }

        if ((SegmentIds.Check(edited.Segments) ?? SegmentFacts.Check(edited.Segments)) is { } bad)
        {
            return new EdlValidation(null, bad);
        }

        var transcript = state.ResultOf<Transcript>(StageNames.Transcript);
        var fps = media.Video?.FrameRate > 0 ? media.Video.FrameRate : EdlBuilder.FallbackFps;
        var words = WordBoundaries.Of(transcript, new FrameGrid(fps));
        var draft = machine with { Segments = [.. SegmentIds.Assign(edited.Segments).Select(s => words.Snap(Normalise(s)))] };
        var validation = EdlValidator.Validate(draft, media.DurationSeconds, fps);
        if (validation.Edl is not { } edl)
        {
            return validation;
        }

        edl = edl with { Segments = [.. edl.Segments.Select(s => s with { Cues = null })] };
        if (transcript is { HasCues: true })
        {
            edl = EdlCaptions.Apply(edl, transcript);
            edl = edl with { Segments = [.. edl.Segments.Select(s => s with { Text = Spoken(s) })] };
        }

        if (state.ResultOf<EnergySeries>(StageNames.Energy) is { } energy)
        {
            edl = EdlLoudness.Apply(edl, energy, renderOptions.Value.LevellingRange);
        }

        if (state.ResultOf<FaceTrack>(StageNames.Faces) is { } faces)
        {
            var geometry = FrameGeometry.For(edl.Render.Framing, edl.Source.Width, edl.Source.Height);
            edl = EdlReframing.FollowingFaces(edl, geometry, faces.AllSamples, reframeOptions.Value);
        }

        return new EdlValidation(edl, null);
    }

    /// <summary>What is said inside the segment now: its words where the transcript timed them, else its cues' text.</summary>
    private static string Spoken(EdlSegment segment) => string.Join(' ', (segment.Cues ?? [])
        .SelectMany(c => c.Words is { Count: > 0 } words ? words.Select(w => w.Text) : [c.Text])
        .Select(t => t.Trim())
        .Where(t => t.Length > 0));

    /// <summary>A segment added in review may come with its times only: its reasons and text are then empty.</summary>
    private static EdlSegment Normalise(EdlSegment segment) => segment with { Reasons = segment.Reasons ?? [], Text = segment.Text ?? string.Empty };

    private static EdlValidation Reject(string field, string reason) => new(null, new EdlProblem(null, null, field, reason));
}
