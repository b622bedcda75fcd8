using System.Globalization;
using System.Text;
using Highlights.Grains.Edl;
using Highlights.Grains.Processes;
using Highlights.Grains.Render.Captions;
using Highlights.Grains.Render.Colour;
using Highlights.Grains.Render.Reframe;

namespace Highlights.Grains.Render;

/// <summary>
/// Builds the one ffmpeg invocation that renders an EDL (or a chunk of one): each segment is an input seeked with
/// <c>-ss</c>/<c>-t</c> (accurate seek: decoding starts at the previous keyframe, frames before the cut are dropped),
/// cropped, colour-converted and trimmed to its exact frame count; its sound gained, cut to the matching sample count
/// and faded at cuts; then the segments are joined (<see cref="ReelJoin"/>) and captions burned in. No intermediate files.
/// </summary>
public static class RenderCommandBuilder
{
    public const string VideoOut = "vout";
    public const string AudioOut = "aout";

    public static RenderCommand Build(RenderJob job)
    {
        var edl = job.Edl;
        if (edl.Segments.Count == 0)
        {
            throw new ArgumentException("EDL has no segments to render", nameof(job));
        }

        var render = edl.Render;
        var geometry = new FrameGeometry(
            edl.Source.Width,
            edl.Source.Height,
            render.Width > 0 ? render.Width : FrameGeometry.Even(edl.Source.Width),
            render.Height > 0 ? render.Height : FrameGeometry.Even(edl.Source.Height));
        var clock = ReelClock.For(edl);
        var withAudio = job.AudioStream is not null;

        var args = new List<string>();
        foreach (var segment in edl.Segments)
        {
            args.AddRange(["-ss", ProcessCommand.Seconds(segment.Start), "-t", ProcessCommand.Seconds(segment.Duration), "-i", edl.Source.Path]);
        }

        var graph = new StringBuilder();
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            graph.Append(SegmentChains.Video(segment, i, job.VideoStream, render, geometry, job.Colour)).Append(CultureInfo.InvariantCulture, $"[v{i}];\n");
            if (withAudio)
            {
                var fadeIn = i == 0 || IsCut(edl.Segments[i - 1], segment);
                var fadeOut = i == edl.Segments.Count - 1 || IsCut(segment, edl.Segments[i + 1]);
                graph.Append(SegmentChains.Audio(segment, i, job.AudioStream!.Value, render, clock, fadeIn, fadeOut)).Append(CultureInfo.InvariantCulture, $"[a{i}];\n");
            }
        }

        ReelJoin.Append(graph, edl.Segments, withAudio, clock);
        var captions = render.BurnCaptions ? AssScript.Write(edl, geometry.Width, geometry.Height) : null;
        graph.Append(";\n").Append(CultureInfo.InvariantCulture, $"[{ReelJoin.Video}]")
            .Append(captions is null ? "null" : $"ass=filename={FilterEscape.OptionValue(job.CaptionsPath)}")
            .Append(CultureInfo.InvariantCulture, $"[{VideoOut}]");
        if (withAudio)
        {
            graph.Append(CultureInfo.InvariantCulture, $";\n[{ReelJoin.Audio}]anull[{AudioOut}]");
        }

        args.AddRange(["-filter_complex_script", job.GraphPath, "-map", $"[{VideoOut}]"]);
        args.AddRange(["-c:v", render.VideoCodec, "-preset", render.Preset, "-crf", render.Crf.ToString(CultureInfo.InvariantCulture)]);
        args.AddRange(ColourFilter.OutputTags);
        if (withAudio)
        {
            args.AddRange(["-map", $"[{AudioOut}]", "-ar", render.AudioSampleRate.ToString(CultureInfo.InvariantCulture)]);
            args.AddRange(job.Output == RenderOutput.Chunk
                ? ["-c:a", "pcm_s16le"]
                : ["-c:a", render.AudioCodec, "-b:a", $"{render.AudioBitrateKbps}k"]);
        }

        if (job.Output == RenderOutput.Reel && render.Faststart)
        {
            args.AddRange(["-movflags", "+faststart"]);
        }

        args.AddRange(["-f", job.Output == RenderOutput.Chunk ? "mov" : render.Container, job.OutputPath]);
        return new RenderCommand(args, graph.ToString(), captions, clock.Seconds(ReelTimeline.ReelFrames(edl.Segments)));
    }

    /// <summary>A hard cut between two segments that are not continuous in the source: the sound there needs fades.</summary>
    public static bool IsCut(EdlSegment before, EdlSegment after) =>
        after.OverlapFrames == 0 && before.EndFrame != after.StartFrame;
}
