using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.Captions;
using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Probe;
using Highlights.Grains.Render;
using Highlights.Grains.Render.Reframe;
using Highlights.Grains.Selection;
using Highlights.Grains.State;
using Microsoft.Extensions.Options;

namespace Highlights.UnitTests.Edl;

/// <summary>An edit made in review becomes the next EDL from the segments alone, checked against the video's own source.</summary>
public sealed class EdlReviserTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly EdlDocument Machine = EdlTransitionsTests.Edl((0, 100), (200, 300));
    private static readonly EdlReviser Reviser = new(Options.Create(new RenderOptions()), Options.Create(new ReframeOptions()));

    /// <summary>A completed video with the machine's EDL over a 600 s, 25 fps source; a Whisper transcript when words are given.</summary>
    private static VideoState Video(params Word[] words)
    {
        var media = new MediaInfo("mov,mp4", 600, new VideoStreamInfo(0, "h264", 1280, 720, 25, "yuv420p", null, null, null, null), null, []);
        var results = new List<(string, object)> { (StageNames.Probe, new ProbeResult(media, [])), (StageNames.Edl, Machine) };
        if (words.Length > 0)
        {
            results.Add((StageNames.Transcript, new Transcript(TranscriptSource.Whisper, null, [new Cue(0, 600, "words", words)], 0, null)));
        }

        var state = VideoState.Create("v", new VideoSource("/m/talk.mp4", 1, Machine.Source.Sha256), new ProcessingOptions(), T0).BeginRun(T0);
        foreach (var (stage, result) in results)
        {
            state = state.EnterStage(stage, T0).CompleteStage(stage, 1, JsonSerializer.SerializeToElement(result, StateJson.Options), TimeSpan.Zero, T0);
        }

        return state.Complete([], T0);
    }

    private static EdlDocument Cuts(params (double Start, double End)[] cuts) => Machine with
    {
        Segments = [.. cuts.Select((c, i) => new EdlSegment($"s{i + 11:000}", c.Start, c.End, 0, 0, 0, [], string.Empty))],
    };

    [Fact]
    public void Only_the_segments_are_taken_in_their_order_on_the_frame_grid_with_the_machines_source_and_render()
    {
        var edited = Cuts((20, 21.48), (1.013, 3)) with
        {
            Source = Machine.Source with { Path = "/etc/passwd" },
            Render = Machine.Render with { Preset = "placebo" },
        };

        var revised = Reviser.Revise(Video(), edited);

        Assert.True(revised.IsValid, revised.Problem?.ToString());
        var edl = revised.Edl!;
        Assert.Equal(Machine.Source, edl.Source);
        Assert.Equal(Machine.Render, edl.Render);
        Assert.Equal([(500L, 537L), (25L, 75L)], edl.Segments.Select(s => (s.StartFrame, s.EndFrame)));
        Assert.Equal([20, 1.0], edl.Segments.Select(s => s.Start));
        Assert.Equal(3.48, edl.ReelDuration!.Value, 6);
    }

    [Fact]
    public void Cuts_inside_words_move_out_of_them_and_the_cues_follow_the_new_times()
    {
        var words = new[] { new Word(9.9, 10.3, "moment", 0.9), new Word(14.5, 15.1, "changed", 0.9) };

        var revised = Reviser.Revise(Video(words), Cuts((10.0, 14.9)));

        var segment = Assert.Single(revised.Edl!.Segments);
        Assert.Equal((9.88, 15.12), (segment.Start, segment.End));
        var cue = Assert.Single(segment.Cues!);
        Assert.Equal((9.88, 15.12), (cue.Start, cue.End));
        Assert.Equal(["moment", "changed"], cue.Words!.Select(w => w.Text));
        Assert.Equal("moment changed", segment.Text);
    }

    [Fact]
    public void Segments_added_with_times_only_are_numbered_on_from_the_highest_id_with_empty_reasons()
    {
        var added = Cuts((1, 2), (5, 6)) with
        {
            Segments = [new EdlSegment(null!, 3, 4, 0, 0, 0, null!, null!), .. Cuts((1, 2), (5, 6)).Segments, new EdlSegment(string.Empty, 8, 9, 0, 0, 0, [], "")],
        };

        var segments = Reviser.Revise(Video(), added).Edl!.Segments;

        Assert.Equal(["s013", "s011", "s012", "s014"], segments.Select(s => s.Id));
        Assert.Equal((0, string.Empty), (segments[0].Reasons.Count, segments[0].Text));
    }

    [Fact]
    public void An_edit_of_another_source_or_edl_version_or_without_segments_is_refused_naming_the_field()
    {
        var problems = new[]
        {
            Reviser.Revise(Video(), Cuts((1, 2)) with { Source = Machine.Source with { Sha256 = new string('b', 64) } }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2)) with { Version = 2 }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2)) with { Segments = null! }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2), (1.5, 3))).Problem,
            Reviser.Revise(Video(), Cuts((1, 2), (5, 6)) with { Segments = [.. Cuts((1, 2)).Segments, .. Cuts((5, 6)).Segments] }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2)) with { Segments = [Cuts((1, 2)).Segments[0] with { Id = "cut1" }] }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2)) with { Segments = [Cuts((1, 2)).Segments[0] with { Score = -1 }] }).Problem,
            Reviser.Revise(Video(), Cuts((1, 2)) with { Segments = [Cuts((1, 2)).Segments[0] with { Signals = new(null, 1.5, null, null) }] }).Problem,
        };

        Assert.Equal(
            [(null, "source.sha256"), (null, "version"), (null, "segments"), ((int?)2, "start"), (2, "id"), (1, "id"), (1, "score"), (1, "signals.keywords")],
            problems.Select(p => (p!.Segment, p.Field)));
    }
}
