using Highlights.Grains.Edl;
using Highlights.Grains.Render;

namespace Highlights.UnitTests.Render;

public sealed class RenderCommandBuilderTests
{
    private const string SourcePath = "/media/my talk.mp4";
    private const string OutputPath = "/work/vid/.highlights.mp4.0123.tmp";

    private static readonly ColourInput Bt709 = new("bt709", "bt709", "bt709", "tv", ColourBasis.Tags);

    private static EdlDocument Edl(bool toneMap = false, bool faststart = true, int segments = 2)
    {
        var render = new RenderOptions().ToSettings(toneMap) with { Faststart = faststart, AudioFadeMs = 10 };
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

    private static RenderCommand Build(EdlDocument edl, int video = 0, int? audio = 1, ColourInput? colour = null, RenderOutput output = RenderOutput.Reel, string captions = "/work/vid/reel.ass") =>
        RenderCommandBuilder.Build(new RenderJob(edl, video, audio, colour ?? Bt709, OutputPath, "/work/vid/reel.graph", captions, output));

    private static int IndexOf(IReadOnlyList<string> args, string value) => args.ToList().IndexOf(value);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public void Each_segment_is_one_seeked_input_of_the_source()
    {
        var args = Build(Edl()).Arguments;

        var inputs = args.Select((a, i) => (a, i)).Where(x => x.a == "-i").Select(x => x.i).ToList();
        Assert.Equal(2, inputs.Count);
        Assert.Equal(["-ss", "1.000", "-t", "4.033333", "-i", SourcePath], args.Skip(inputs[0] - 4).Take(6));
        Assert.Equal(["-ss", "10.000", "-t", "10.000", "-i", SourcePath], args.Skip(inputs[1] - 4).Take(6));
    }

    [Fact]
    public void Each_segment_keeps_exactly_its_frames_and_the_samples_that_last_as_long()
    {
        var graph = Build(Edl()).FilterGraph;

        Assert.Contains("[0:0]trim=end_frame=121,setpts=PTS-STARTPTS,", graph, StringComparison.Ordinal);
        Assert.Contains("[1:0]trim=end_frame=300,setpts=PTS-STARTPTS,", graph, StringComparison.Ordinal);

        // 121 frames at 30 fps are 4.0333... s: 193,600 samples at 48 kHz.
        Assert.Contains("[0:1]aresample=48000,apad,atrim=end_sample=193600,asetpts=PTS-STARTPTS", graph, StringComparison.Ordinal);
        Assert.Contains("atrim=end_sample=480000,", graph, StringComparison.Ordinal);
        Assert.Contains("[v0][a0][v1][a1]concat=n=2:v=1:a=1[vj][aj]", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void The_graph_goes_to_a_script_file_and_its_outputs_are_mapped_with_the_render_codecs()
    {
        var args = Build(Edl()).Arguments;

        Assert.Equal("/work/vid/reel.graph", args[IndexOf(args, "-filter_complex_script") + 1]);
        Assert.Equal("[vout]", args[IndexOf(args, "-map") + 1]);
        Assert.Equal(["-c:v", "libx264", "-preset", "veryfast", "-crf", "20"], args.Skip(IndexOf(args, "-c:v")).Take(6));
        Assert.Equal(["-map", "[aout]", "-ar", "48000", "-c:a", "aac", "-b:a", "160k"], args.Skip(IndexOf(args, "[aout]") - 1).Take(8));
    }

    [Fact]
    public void The_output_is_tagged_bt709_whatever_the_source_was()
    {
        var args = Build(Edl(), colour: new ColourInput("smpte170m", "smpte170m", "smpte170m", "tv", ColourBasis.Tags)).Arguments;

        Assert.Equal("bt709", args[IndexOf(args, "-colorspace") + 1]);
        Assert.Equal("bt709", args[IndexOf(args, "-color_primaries") + 1]);
        Assert.Equal("bt709", args[IndexOf(args, "-color_trc") + 1]);
        Assert.Equal("tv", args[IndexOf(args, "-color_range") + 1]);
    }

    [Fact]
    public void The_stream_indexes_given_are_the_ones_used()
    {
        var graph = Build(Edl(segments: 1), video: 2, audio: 5).FilterGraph;

        Assert.StartsWith("[0:2]trim=", graph, StringComparison.Ordinal);
        Assert.Contains("[0:5]aresample", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_audio_only_video_is_joined_and_mapped()
    {
        var command = Build(Edl(segments: 3), audio: null);

        Assert.Contains("[v0][v1][v2]concat=n=3:v=1:a=0[vj]", command.FilterGraph, StringComparison.Ordinal);
        Assert.DoesNotContain("aresample", command.FilterGraph, StringComparison.Ordinal);
        Assert.DoesNotContain("[aout]", command.Arguments);
        Assert.DoesNotContain("-c:a", command.Arguments);
    }

    [Fact]
    public void Hdr_is_tone_mapped_on_every_segment_when_asked_and_refused_otherwise()
    {
        var pq = new ColourInput("bt2020nc", "bt2020", "smpte2084", "tv", ColourBasis.Tags);

        var toneMapped = Build(Edl(toneMap: true, segments: 3), colour: pq).FilterGraph;

        Assert.Equal(3, Count(toneMapped, "tonemap=tonemap=hable"));
        Assert.Contains("zscale=min=bt2020nc:pin=bt2020:tin=smpte2084:rin=tv:t=linear", toneMapped, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Build(Edl(toneMap: false), colour: pq));
    }

    [Fact]
    public void Bt709_sources_are_not_converted_and_others_are_converted_explicitly()
    {
        var plain = Build(Edl()).FilterGraph;
        var sd = Build(Edl(), colour: new ColourInput("smpte170m", "smpte170m", "smpte170m", "tv", ColourBasis.Resolution)).FilterGraph;

        Assert.DoesNotContain("zscale", plain, StringComparison.Ordinal);
        Assert.Contains("setparams=colorspace=bt709", plain, StringComparison.Ordinal);
        Assert.Contains("zscale=min=smpte170m:pin=smpte170m:tin=smpte170m:rin=tv:m=bt709:p=bt709:t=bt709:r=tv,format=yuv420p", sd, StringComparison.Ordinal);
    }

    [Fact]
    public void Sound_fades_in_and_out_at_cuts_but_not_where_the_source_continues()
    {
        var edl = Edl(segments: 2);
        var continuous = edl with { Segments = [edl.Segments[0], edl.Segments[1] with { Start = 5.033333, StartFrame = 151, EndFrame = 300 }] };

        var cut = Build(edl).FilterGraph;
        var joined = Build(continuous).FilterGraph;

        Assert.Equal(2, Count(cut, "afade=t=in"));
        Assert.Equal(2, Count(cut, "afade=t=out"));
        Assert.Contains("afade=t=out:st=4.023333:d=0.01[a0]", cut, StringComparison.Ordinal);
        Assert.Equal(1, Count(joined, "afade=t=in"));
        Assert.Equal(1, Count(joined, "afade=t=out"));
    }

    [Fact]
    public void A_crossfade_overlaps_exactly_its_frames_and_samples_and_shortens_the_reel()
    {
        var edl = EdlTransitions.Apply(Edl(segments: 3), TimeSpan.FromMilliseconds(500));

        var command = Build(edl);

        // s002 follows s001 with 15 frames of overlap: it starts 121 - 15 = 106 frames in; s003 is only 15 frames long.
        Assert.Contains("[v0][v1]xfade=transition=fade:duration=0.5:offset=3.533333[x1]", command.FilterGraph, StringComparison.Ordinal);
        Assert.Contains("[a0][a1]acrossfade=ns=24000:c1=tri:c2=tri[y1]", command.FilterGraph, StringComparison.Ordinal);
        Assert.Contains("[x1][v2]xfade=transition=fade:duration=0.233333:offset=13.3[x2]", command.FilterGraph, StringComparison.Ordinal);
        Assert.Contains("[x2][y2]concat=n=1:v=1:a=1[vj][aj]", command.FilterGraph, StringComparison.Ordinal);
        Assert.Equal((121 + 300 + 15 - 15 - 7) / 30.0, command.OutputSeconds, 6);
        Assert.DoesNotContain("afade=t=out:st=4.023333", command.FilterGraph, StringComparison.Ordinal);
    }

    [Fact]
    public void Faststart_is_requested_only_for_a_reel_whose_settings_say_so()
    {
        var with = Build(Edl(faststart: true)).Arguments;
        var without = Build(Edl(faststart: false)).Arguments;
        var chunk = Build(Edl(faststart: true), output: RenderOutput.Chunk).Arguments;

        Assert.Equal("+faststart", with[IndexOf(with, "-movflags") + 1]);
        Assert.DoesNotContain("-movflags", without);
        Assert.DoesNotContain("-movflags", chunk);
    }

    [Fact]
    public void A_chunk_keeps_its_sound_as_pcm_in_mov_so_chunks_join_to_the_sample()
    {
        var args = Build(Edl(), output: RenderOutput.Chunk).Arguments;

        Assert.Equal("pcm_s16le", args[IndexOf(args, "-c:a") + 1]);
        Assert.DoesNotContain("-b:a", args);
        Assert.Equal(["-f", "mov", OutputPath], args.TakeLast(3));
    }

    [Fact]
    public void The_output_path_comes_last_after_the_container_format()
    {
        Assert.Equal(["-f", "mp4", OutputPath], Build(Edl()).Arguments.TakeLast(3));
    }

    [Fact]
    public void Burned_captions_are_read_from_the_escaped_script_path_only_when_asked()
    {
        var edl = Edl() with { Render = Edl().Render with { BurnCaptions = true } };
        edl = edl with { Segments = [edl.Segments[0] with { Cues = [new EdlCue(1.5, 3, "hello there")] }, edl.Segments[1]] };

        var burned = Build(edl, captions: "/work/it's: here/reel.ass");
        var plain = Build(Edl());

        Assert.Contains(@"[vj]ass=filename=/work/it\\\'s\\: here/reel.ass[vout]", burned.FilterGraph, StringComparison.Ordinal);
        Assert.Contains("hello", burned.Captions, StringComparison.Ordinal);
        Assert.Null(plain.Captions);
        Assert.Contains("[vj]null[vout]", plain.FilterGraph, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edl_without_segments_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Build(Edl(segments: 0)));
    }
}
