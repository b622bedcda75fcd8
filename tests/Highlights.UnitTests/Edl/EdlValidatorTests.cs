using Highlights.Grains.Edl;

namespace Highlights.UnitTests.Edl;

/// <summary>The source in these tests: 600 s at 25 fps, as <see cref="EdlTransitionsTests.Edl"/> records it.</summary>
public sealed class EdlValidatorTests
{
    private const double SourceSeconds = 600;
    private const double Fps = 25;

    private static EdlDocument Edl(params (long Start, long End)[] frames) => EdlTransitionsTests.Edl(frames);

    private static EdlDocument Edit(EdlDocument edl, int index, Func<EdlSegment, EdlSegment> edit) =>
        edl with { Segments = edl.Segments.Select((s, i) => i == index ? edit(s) : s).ToList() };

    private static EdlProblem Rejected(EdlDocument edl, double sourceSeconds = SourceSeconds, double fps = Fps)
    {
        var result = EdlValidator.Validate(edl, sourceSeconds, fps);
        Assert.False(result.IsValid, "the EDL should have been rejected");
        Assert.Null(result.Edl);
        return result.Problem!;
    }

    private static EdlDocument Accepted(EdlDocument edl)
    {
        var result = EdlValidator.Validate(edl, SourceSeconds, Fps);
        Assert.True(result.IsValid, result.Problem?.ToString());
        return result.Edl!;
    }

    [Fact]
    public void An_edl_as_process_wrote_it_passes_unchanged()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 300)), TimeSpan.FromMilliseconds(400));

        var valid = Accepted(edl);

        Assert.Equal(edl.Segments, valid.Segments);
        Assert.Equal(edl.ReelDuration, valid.ReelDuration);
    }

    [Fact]
    public void Edited_seconds_win_over_stale_frames_and_the_totals_follow_them()
    {
        var edl = Edit(Edl((0, 100), (200, 300)), 1, s => s with { End = 20 });

        var valid = Accepted(edl);

        Assert.Equal((200L, 500L), (valid.Segments[1].StartFrame, valid.Segments[1].EndFrame));
        Assert.Equal(16, valid.TotalDuration, 6);
        Assert.Equal(16, valid.ReelDuration!.Value, 6);
    }

    [Fact]
    public void A_missing_end_frame_is_derived_from_the_end_time()
    {
        var valid = Accepted(Edit(Edl((0, 100)), 0, s => s with { EndFrame = 0 }));

        Assert.Equal(100, valid.Segments[0].EndFrame);
    }

    [Fact]
    public void Edited_times_are_snapped_to_the_source_frames()
    {
        var valid = Accepted(Edit(Edl((0, 100)), 0, s => s with { Start = 1.01, End = 3.03 }));

        Assert.Equal((1.0, 3.04, 25L, 76L), (valid.Segments[0].Start, valid.Segments[0].End, valid.Segments[0].StartFrame, valid.Segments[0].EndFrame));
    }

    [Fact]
    public void An_edl_with_no_segments_is_rejected()
    {
        var problem = Rejected(Edl() with { Segments = [] });

        Assert.Equal("segments: no segments: a reel needs at least one", problem.ToString());
    }

    [Fact]
    public void An_end_before_its_start_names_the_segment_and_the_field()
    {
        var problem = Rejected(Edit(Edl((0, 100), (200, 300)), 1, s => s with { End = 5 }));

        Assert.Equal((2, "s002", "end"), (problem.Segment, problem.SegmentId, problem.Field));
        Assert.Equal("segment 2 (s002) end: 5.0 s is not after its start (8.0 s)", problem.ToString());
    }

    [Fact]
    public void A_segment_shorter_than_a_frame_is_rejected()
    {
        var problem = Rejected(Edit(Edl((0, 100)), 0, s => s with { Start = 2, End = 2.01 }));

        Assert.Equal((1, "end"), (problem.Segment, problem.Field));
        Assert.Contains("less than one frame", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_start_is_rejected()
    {
        var problem = Rejected(Edit(Edl((0, 100)), 0, s => s with { Start = -1 }));

        Assert.Equal((1, "start"), (problem.Segment, problem.Field));
        Assert.Contains("before the start of the source", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_ending_past_the_source_is_rejected()
    {
        var problem = Rejected(Edit(Edl((0, 100), (200, 300)), 1, s => s with { End = 601 }));

        Assert.Equal("segment 2 (s002) end: 601.0 s is past the end of the source (600.0 s)", problem.ToString());
    }

    [Fact]
    public void A_segment_ending_exactly_at_the_end_of_the_source_is_accepted()
    {
        Accepted(Edit(Edl((0, 100)), 0, s => s with { End = SourceSeconds }));
    }

    [Fact]
    public void Segments_reordered_out_of_source_order_are_accepted_in_their_reel_order()
    {
        var valid = Accepted(Edl((200, 300), (0, 100)));

        Assert.Equal([200L, 0L], valid.Segments.Select(s => s.StartFrame));
        Assert.Equal(8, valid.ReelDuration!.Value, 6);
    }

    [Fact]
    public void Overlapping_segments_are_rejected()
    {
        var problem = Rejected(Edit(Edl((0, 100), (200, 300)), 1, s => s with { Start = 3.5 }));

        Assert.Equal((2, "start"), (problem.Segment, problem.Field));
        Assert.Contains("overlaps segment 1 (s001, 0.0-4.0 s)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_overlapping_a_later_one_in_source_time_is_rejected_on_its_end_however_far_apart_in_the_reel()
    {
        var problem = Rejected(Edl((400, 500), (0, 100), (300, 420)));

        Assert.Equal((3, "end"), (problem.Segment, problem.Field));
        Assert.Contains("overlaps segment 1 (s001, 16.0-20.0 s)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbours_that_touch_are_accepted()
    {
        Accepted(Edl((0, 100), (100, 200)));
    }

    [Fact]
    public void A_crossfade_longer_than_half_a_shortened_neighbour_is_rejected()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 300)), TimeSpan.FromMilliseconds(400));

        var problem = Rejected(Edit(edl, 1, s => s with { End = 8.6 }));

        Assert.Equal((2, "transition.frames"), (problem.Segment, problem.Field));
        Assert.Contains("at most half of either neighbour (7 frames here)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crossfade_on_the_first_segment_is_rejected()
    {
        var edl = EdlTransitions.Apply(Edl((0, 100), (200, 300)), TimeSpan.FromMilliseconds(400));

        var problem = Rejected(edl with { Segments = edl.Segments.Skip(1).ToList() });

        Assert.Equal((1, "transition"), (problem.Segment, problem.Field));
    }

    [Fact]
    public void A_source_of_another_length_is_not_the_one_the_edl_was_made_from()
    {
        var problem = Rejected(Edl((0, 100)), sourceSeconds: 73);

        Assert.Equal((null, "source.duration"), (problem.Segment, problem.Field));
        Assert.Contains("not the file this EDL was made from", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_at_another_frame_rate_is_not_the_one_the_edl_was_made_from()
    {
        var problem = Rejected(Edl((0, 100)), fps: 30);

        Assert.Equal((null, "source.fps"), (problem.Segment, problem.Field));
    }
}
