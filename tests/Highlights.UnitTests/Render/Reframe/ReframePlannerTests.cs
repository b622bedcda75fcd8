using Highlights.Grains.Edl;
using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class ReframePlannerTests
{
    private const double Fps = 25;
    private static readonly FrameGeometry Vertical = FrameGeometry.For(ReelFraming.Vertical, 1280, 720);
    private static readonly ReframeOptions Options = new();
    private static readonly EdlSegment Segment = new("s001", 10, 18, 250, 450, 1, [], string.Empty);

    /// <summary>Samples 6 times a second over the segment; <paramref name="faceX"/> gives the face's centre (fraction of width) or null.</summary>
    private static List<FaceSample> Samples(Func<double, double?> faceX) =>
        [.. Enumerable.Range(0, 48).Select(i => 10 + (i / 6.0)).Select(t => new FaceSample(t, faceX(t) is { } x ? [new FaceBox(x - 0.05, 0.2, 0.1, 0.18)] : []))];

    /// <summary>The crop's left edge at <paramref name="time"/> seconds into the segment, between keyframes as the render draws it.</summary>
    private static double XAt(EdlReframe reframe, double time)
    {
        var k = reframe.Keyframes;
        var after = k.FirstOrDefault(f => f.Time >= time) ?? k[^1];
        var before = k.LastOrDefault(f => f.Time <= time) ?? k[0];
        return after.Time == before.Time ? before.X : before.X + ((time - before.Time) / (after.Time - before.Time) * (after.X - before.X));
    }

    [Fact]
    public void A_face_moving_across_the_picture_stays_inside_the_crop_at_a_bounded_pan_speed()
    {
        // The face walks from 15% to 85% of the width over the 8 s: 112 px/s, under the 512 px/s limit.
        var reframe = ReframePlanner.Plan(Segment, Fps, Vertical, Samples(t => 0.15 + (0.7 * (t - 10) / 8)), Options);

        Assert.Equal(ReframeTracking.Faces, reframe.Tracking);
        for (var frame = 0; frame < 200; frame++)
        {
            var time = frame / Fps;
            var faceX = (0.15 + (0.7 * time / 8)) * 1280;
            var left = XAt(reframe, time);
            Assert.True(faceX - 64 >= left && faceX + 64 <= left + Vertical.Width, $"at {time:0.00}s the face spans {faceX - 64:0}-{faceX + 64:0}, the crop {left:0}-{left + Vertical.Width:0}");
        }

        var limit = Options.MaxSpeed * 1280;
        foreach (var (a, b) in reframe.Keyframes.Zip(reframe.Keyframes.Skip(1)))
        {
            Assert.True(Math.Abs(b.X - a.X) <= (limit * (b.Time - a.Time)) + 1, $"{a.X} -> {b.X} in {b.Time - a.Time:0.000}s");
        }
    }

    [Fact]
    public void The_crop_opens_on_the_face_and_holds_still_while_it_does()
    {
        var reframe = ReframePlanner.Plan(Segment, Fps, Vertical, Samples(t => 0.2 + (((int)(t * 6) % 2) * 0.02)), Options);

        var keyframe = Assert.Single(reframe.Keyframes);
        Assert.Equal((int)Math.Round((0.2 * 1280) - (404 / 2.0)), keyframe.X);
    }

    [Fact]
    public void Without_faces_the_crop_holds_the_centre()
    {
        var reframe = ReframePlanner.Plan(Segment, Fps, Vertical, Samples(_ => null), Options);

        Assert.Equal(ReframeTracking.Centre, reframe.Tracking);
        Assert.Equal([new CropKeyframe(0, 438, 0)], reframe.Keyframes);
    }

    [Fact]
    public void A_face_at_the_edge_pins_the_crop_inside_the_picture()
    {
        var reframe = ReframePlanner.Plan(Segment, Fps, Vertical, Samples(_ => 0.98), Options);

        Assert.Equal(876, Assert.Single(reframe.Keyframes).X);
    }

    [Fact]
    public void A_face_that_leaves_is_held_then_the_crop_eases_back_to_the_centre()
    {
        var reframe = ReframePlanner.Plan(Segment, Fps, Vertical, Samples(t => t < 12 ? 0.2 : null), Options);

        Assert.Equal(54, XAt(reframe, 2.5), 0);
        Assert.InRange(reframe.Keyframes[^1].X, 436, 438);
        Assert.True(reframe.Keyframes.Zip(reframe.Keyframes.Skip(1)).All(p => p.Second.X >= p.First.X), "the return to centre never swings back");
    }
}
