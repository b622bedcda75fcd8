using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render;
using Highlights.Grains.Selection;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Edl;

public sealed class EdlBuilderTests
{
    private static readonly VideoState State = VideoState.Create(
        "vid-42", new VideoSource("/media/talk.mp4", 5_000_000, "deadbeef"), new ProcessingOptions { TargetSeconds = 30 }, DateTimeOffset.UnixEpoch);

    private static readonly RenderSettings Render = new RenderOptions().ToSettings(toneMapHdr: false);

    private static MediaInfo Media(double fps = 30, double duration = 60, bool audio = true) => new(
        "mov,mp4,m4a,3gp,3g2,mj2",
        duration,
        new VideoStreamInfo(0, "h264", 1280, 720, fps, "yuv420p", "bt709", "bt709", "bt709", "tv"),
        audio ? new AudioStreamInfo(1, "aac", 48000, 2) : null,
        []);

    private static SelectionResult Selection(params (double Start, double End)[] spans) => new(
        "offline",
        "sel/1",
        [.. spans.Select((s, i) => new SelectedSegment(s.Start, s.End, 0.5 + i, [$"reason {i}"], $"text {i}"))],
        ["a note"]);

    [Fact]
    public void Cuts_are_snapped_to_frames_and_numbered_in_order()
    {
        var edl = EdlBuilder.Build(State, Media(), Selection((1.016, 5.017), (10, 20)), Render);

        Assert.Equal(["s001", "s002"], edl.Segments.Select(s => s.Id));
        Assert.Equal((30L, 151L), (edl.Segments[0].StartFrame, edl.Segments[0].EndFrame));
        Assert.Equal((1.0, 5.033333), (edl.Segments[0].Start, edl.Segments[0].End));
        Assert.Equal((300L, 600L), (edl.Segments[1].StartFrame, edl.Segments[1].EndFrame));
    }

    [Fact]
    public void Ntsc_cuts_land_on_ntsc_frame_times()
    {
        var edl = EdlBuilder.Build(State, Media(fps: 30000.0 / 1001), Selection((10, 20)), Render);

        var segment = Assert.Single(edl.Segments);
        Assert.Equal((300L, 599L), (segment.StartFrame, segment.EndFrame));
        Assert.Equal((10.01, 19.986633), (segment.Start, segment.End));
        Assert.Equal(29.97003, edl.Source.Fps);
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(30000.0 / 1001)]
    [InlineData(25.0)]
    public void Segment_times_and_frames_describe_the_same_cut(double fps)
    {
        var grid = new FrameGrid(fps);

        var edl = EdlBuilder.Build(State, Media(fps), Selection((0.37, 4.91), (7.777, 13.333), (40.05, 59.99)), Render);

        Assert.Equal(3, edl.Segments.Count);
        Assert.All(edl.Segments, s =>
        {
            Assert.Equal(grid.TimeOf(s.StartFrame), s.Start);
            Assert.Equal(grid.TimeOf(s.EndFrame), s.End);
            Assert.True(s.EndFrame > s.StartFrame);
        });
    }

    [Fact]
    public void Neighbours_sharing_a_frame_after_snapping_do_not_overlap()
    {
        var edl = EdlBuilder.Build(State, Media(), Selection((1.0, 2.02), (2.01, 4.0)), Render);

        Assert.Equal(61, edl.Segments[0].EndFrame);
        Assert.Equal(61, edl.Segments[1].StartFrame);
        Assert.Equal(edl.Segments[0].End, edl.Segments[1].Start);
    }

    [Fact]
    public void A_segment_swallowed_by_its_neighbour_is_dropped_and_numbering_stays_contiguous()
    {
        var edl = EdlBuilder.Build(State, Media(), Selection((1.0, 2.02), (2.01, 2.03), (5, 6)), Render);

        Assert.Equal(["s001", "s002"], edl.Segments.Select(s => s.Id));
        Assert.Equal(["text 0", "text 2"], edl.Segments.Select(s => s.Text));
    }

    [Fact]
    public void A_segment_running_past_the_end_is_clamped_to_the_source_duration()
    {
        var edl = EdlBuilder.Build(State, Media(duration: 10), Selection((8, 12)), Render);

        var segment = Assert.Single(edl.Segments);
        Assert.Equal(300, segment.EndFrame);
        Assert.Equal(10.0, segment.End);
    }

    [Fact]
    public void The_total_duration_is_the_sum_of_the_segments()
    {
        var edl = EdlBuilder.Build(State, Media(fps: 30000.0 / 1001), Selection((0.5, 3.3), (7.1, 9.9), (12, 19.5)), Render);

        Assert.Equal(Math.Round(edl.Segments.Sum(s => s.End - s.Start), 6), edl.TotalDuration);
        Assert.InRange(edl.TotalDuration, 13.0, 13.2);
    }

    [Fact]
    public void The_document_carries_source_selection_and_render_details()
    {
        var edl = EdlBuilder.Build(State, Media(audio: false), Selection((1, 2)), Render);

        Assert.Equal(EdlDocument.CurrentVersion, edl.Version);
        Assert.Equal("vid-42", edl.VideoId);
        Assert.Equal(new EdlSource("/media/talk.mp4", "deadbeef", 60, 1280, 720, 30, HasAudio: false), edl.Source);
        Assert.Equal(30, edl.TargetDuration);
        Assert.Equal("offline", edl.Selector.Method);
        Assert.Equal("sel/1", edl.Selector.Version);
        Assert.Equal(["a note"], edl.Selector.Notes);
        Assert.Same(Render, edl.Render);
        Assert.Equal(["reason 0"], edl.Segments[0].Reasons);
        Assert.Equal(0.5, edl.Segments[0].Score);
    }

    [Fact]
    public void A_source_without_a_frame_rate_is_cut_on_a_25_fps_grid()
    {
        var edl = EdlBuilder.Build(State, Media(fps: 0), Selection((1.03, 2)), Render);

        Assert.Equal(EdlBuilder.FallbackFps, edl.Source.Fps);
        Assert.Equal(26, edl.Segments[0].StartFrame);
    }

    [Fact]
    public void A_source_without_video_cannot_have_an_edl()
    {
        var audioOnly = Media() with { Video = null };

        Assert.Throws<InvalidOperationException>(() => EdlBuilder.Build(State, audioOnly, Selection((1, 2)), Render));
    }
}
