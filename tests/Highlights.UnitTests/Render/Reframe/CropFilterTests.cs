using Highlights.Grains.Edl;
using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class CropFilterTests
{
    private static readonly FrameGeometry Vertical = FrameGeometry.For(ReelFraming.Vertical, 1280, 720);

    [Fact]
    public void A_held_window_is_a_plain_crop()
    {
        var reframe = new EdlReframe(ReframeTracking.Centre, [new CropKeyframe(0, 438, 0)]);

        Assert.Equal("crop=w=404:h=720:x=438:y=0", CropFilter.For(404, 720, reframe, Vertical));
    }

    [Fact]
    public void A_moving_window_is_one_flat_sum_of_ramps_between_keyframes()
    {
        var reframe = new EdlReframe(ReframeTracking.Faces, [new(0, 100, 0), new(0.5, 200, 0), new(1.5, 200, 0), new(2, 150, 0)]);

        Assert.Equal(
            "crop=w=404:h=720:x='100+200*clip(t-0,0,0.5)-100*clip(t-1.5,0,0.5)':y=0",
            CropFilter.For(404, 720, reframe, Vertical));
    }

    [Fact]
    public void Keyframes_outside_the_picture_are_pulled_back_inside()
    {
        var reframe = new EdlReframe(ReframeTracking.Faces, [new(0, -40, 9), new(1, 5000, 0)]);

        Assert.Equal("crop=w=404:h=720:x='0+876*clip(t-0,0,1)':y=0", CropFilter.For(404, 720, reframe, Vertical));
    }

    [Fact]
    public void No_path_holds_the_centre()
    {
        Assert.Equal("crop=w=404:h=720:x=438:y=0", CropFilter.For(404, 720, null, Vertical));
    }
}
