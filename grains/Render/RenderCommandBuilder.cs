using System.Globalization;
using System.Text;
using Highlights.Grains.Edl;
using Highlights.Grains.Processes;

namespace Highlights.Grains.Render;

/// <summary>
/// Builds the one ffmpeg invocation that renders an EDL: each segment is an input seeked with <c>-ss</c>/<c>-t</c>
/// (accurate seek: decoding starts at the previous keyframe, frames before the cut are dropped), trimmed to its exact
/// frame count, audio padded/trimmed to the same length so segments cannot drift, then joined by the concat filter.
/// No intermediate files.
/// </summary>
public static class RenderCommandBuilder
{
    // BT.2020 PQ/HLG to BT.709 SDR: linearise, tone-map with Hable's curve, re-encode the transfer for SDR.
    private const string ToneMapChain =
        "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv";

    public static IReadOnlyList<string> Build(EdlDocument edl, int videoStreamIndex, int? audioStreamIndex, string outputPath)
    {
        if (edl.Segments.Count == 0)
        {
            throw new ArgumentException("EDL has no segments to render", nameof(edl));
        }

        var args = new List<string>();
        foreach (var segment in edl.Segments)
        {
            args.AddRange(["-ss", ProcessCommand.Seconds(segment.Start), "-t", ProcessCommand.Seconds(segment.Duration), "-i", edl.Source.Path]);
        }

        var graph = new StringBuilder();
        var concatInputs = new StringBuilder();
        var withAudio = audioStreamIndex is not null;
        for (var i = 0; i < edl.Segments.Count; i++)
        {
            var segment = edl.Segments[i];
            var frames = segment.EndFrame - segment.StartFrame;
            var toneMap = edl.Render.ToneMapHdr ? ToneMapChain + "," : string.Empty;
            graph.Append(CultureInfo.InvariantCulture, $"[{i}:{videoStreamIndex}]trim=end_frame={frames},setpts=PTS-STARTPTS,{toneMap}format={edl.Render.PixelFormat}[v{i}];");
            concatInputs.Append(CultureInfo.InvariantCulture, $"[v{i}]");
            if (withAudio)
            {
                graph.Append(CultureInfo.InvariantCulture, $"[{i}:{audioStreamIndex}]apad,atrim=0:{ProcessCommand.Seconds(segment.Duration)},asetpts=PTS-STARTPTS[a{i}];");
                concatInputs.Append(CultureInfo.InvariantCulture, $"[a{i}]");
            }
        }

        graph.Append(concatInputs)
            .Append(CultureInfo.InvariantCulture, $"concat=n={edl.Segments.Count}:v=1:a={(withAudio ? 1 : 0)}[v]")
            .Append(withAudio ? "[a]" : string.Empty);

        args.AddRange(["-filter_complex", graph.ToString(), "-map", "[v]"]);
        if (withAudio)
        {
            args.AddRange(["-map", "[a]", "-c:a", edl.Render.AudioCodec, "-b:a", $"{edl.Render.AudioBitrateKbps}k"]);
        }

        args.AddRange(["-c:v", edl.Render.VideoCodec, "-preset", edl.Render.Preset, "-crf", edl.Render.Crf.ToString(CultureInfo.InvariantCulture)]);
        if (edl.Render.Faststart)
        {
            args.AddRange(["-movflags", "+faststart"]);
        }

        args.AddRange(["-f", edl.Render.Container, outputPath]);
        return args;
    }
}
