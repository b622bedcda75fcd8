using Highlights.Grains.Edl;
using Highlights.Grains.Render;

namespace Highlights.UnitTests.Render;

public sealed class RenderCommandBuilderTests
{
    private const string SourcePath = "/media/my talk.mp4";
    private const string OutputPath = "/work/vid/.highlights.mp4.0123.tmp";

    private static EdlDocument Edl(bool toneMap = false, bool faststart = true, int segments = 2)
    {
        var render = new RenderOptions().ToSettings(toneMap) with { Faststart = faststart };
        EdlSegment[] all =
        [
            new("s001", 1.0, 5.033333, 30, 151, 0.9, [], "one"),
            new("s002", 10.0, 20.0, 300, 600, 0.8, [], "two"),
            new("s003", 30.5, 31.0, 915, 930, 0.7, [], "three"),
        ];
        return new EdlDocument(
            EdlDocument.CurrentVersion,
            "vid",
            new EdlSource(SourcePath, "sha", 60, 1280, 720, 30, HasAudio: true),
            30,
            all.Take(segments).Sum(s => s.Duration),
            new EdlSelector("offline", "v1", []),
            all[..segments],
            render);
    }

    private static string Graph(IReadOnlyList<string> args) => args[IndexOf(args, "-filter_complex") + 1];

    private static int IndexOf(IReadOnlyList<string> args, string value) => args.ToList().IndexOf(value);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Each_segment_is_one_seeked_input_of_the_source()
    {
        var args = RenderCommandBuilder.Build(Edl(), 0, 1, OutputPath);

        var inputs = args.Select((a, i) => (a, i)).Where(x => x.a == "-i").Select(x => x.i).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Equal(["-ss", "1.000", "-t", "4.033333", "-i", SourcePath], args.Skip(inputs[0] - 4).Take(6));
        Assert.Equal(["-ss", "10.000", "-t", "10.000", "-i", SourcePath], args.Skip(inputs[1] - 4).Take(6));
    }

    [Fact]
    public void The_filter_graph_trims_each_segment_to_its_frame_count_and_concatenates_video_and_audio()
    {
        var graph = Graph(RenderCommandBuilder.Build(Edl(), 0, 1, OutputPath));

        Assert.Contains("[0:0]trim=end_frame=121,setpts=PTS-STARTPTS,format=yuv420p[v0];", graph, StringComparison.Ordinal);
        Assert.Contains("[1:0]trim=end_frame=300,setpts=PTS-STARTPTS,format=yuv420p[v1];", graph, StringComparison.Ordinal);
        Assert.Contains("[0:1]apad,atrim=0:4.033333,asetpts=PTS-STARTPTS[a0];", graph, StringComparison.Ordinal);
        Assert.EndsWith("[v0][a0][v1][a1]concat=n=2:v=1:a=1[v][a]", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stream_indexes_given_are_the_ones_used()
    {
        var graph = Graph(RenderCommandBuilder.Build(Edl(segments: 1), 2, 5, OutputPath));

        Assert.StartsWith("[0:2]trim=", graph, StringComparison.Ordinal);
        Assert.Contains("[0:5]apad", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_audio_only_video_is_concatenated_and_mapped()
    {
        var args = RenderCommandBuilder.Build(Edl(segments: 3), 0, null, OutputPath);
        var graph = Graph(args);

        Assert.EndsWith("[v0][v1][v2]concat=n=3:v=1:a=0[v]", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("apad", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("[a]", args);
        Assert.DoesNotContain("-c:a", args);
    }

    [Fact]
    public void Video_and_audio_outputs_are_mapped_with_the_render_codecs()
    {
        var args = RenderCommandBuilder.Build(Edl(), 0, 1, OutputPath);

        Assert.Equal("[v]", args[IndexOf(args, "-map") + 1]);
        Assert.Equal(["-map", "[a]", "-c:a", "aac", "-b:a", "160k"], args.Skip(IndexOf(args, "[a]") - 1).Take(6));
        Assert.Equal(["-c:v", "libx264", "-preset", "veryfast", "-crf", "20"], args.Skip(IndexOf(args, "-c:v")).Take(6));
    }

    [Fact]
    public void The_tone_map_chain_is_applied_to_every_segment_only_when_asked()
    {
        var toneMapped = Graph(RenderCommandBuilder.Build(Edl(toneMap: true, segments: 3), 0, 1, OutputPath));
        var plain = Graph(RenderCommandBuilder.Build(Edl(toneMap: false, segments: 3), 0, 1, OutputPath));

        Assert.Equal(3, Count(toneMapped, "tonemap=tonemap=hable"));
        Assert.Contains("setpts=PTS-STARTPTS,zscale=t=linear", toneMapped, StringComparison.Ordinal);
        Assert.DoesNotContain("tonemap", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("zscale", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void Faststart_is_requested_only_when_the_settings_say_so()
    {
        var with = RenderCommandBuilder.Build(Edl(faststart: true), 0, 1, OutputPath);
        var without = RenderCommandBuilder.Build(Edl(faststart: false), 0, 1, OutputPath);

        Assert.Equal("+faststart", with[IndexOf(with, "-movflags") + 1]);
        Assert.DoesNotContain("-movflags", without);
    }

    [Fact]
    public void The_output_path_comes_last_after_the_container_format()
    {
        var args = RenderCommandBuilder.Build(Edl(), 0, 1, OutputPath);

        Assert.Equal(["-f", "mp4", OutputPath], args.TakeLast(3));
    }

    [Fact]
    public void An_edl_without_segments_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RenderCommandBuilder.Build(Edl(segments: 0), 0, 1, OutputPath));
    }
}
