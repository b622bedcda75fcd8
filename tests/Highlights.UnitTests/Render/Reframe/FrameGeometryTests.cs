using Highlights.Grains.Edl;
using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class FrameGeometryTests
{
    [Theory]
    [InlineData(ReelFraming.Source, 1920, 1080, 1920, 1080)]
    [InlineData(ReelFraming.Source, 641, 361, 640, 360)]
    [InlineData(ReelFraming.Vertical, 1920, 1080, 606, 1080)]
    [InlineData(ReelFraming.Vertical, 1280, 720, 404, 720)]
    [InlineData(ReelFraming.Vertical, 720, 1280, 720, 1280)]
    [InlineData(ReelFraming.Vertical, 1080, 1080, 606, 1080)]
    [InlineData(ReelFraming.Square, 1920, 1080, 1080, 1080)]
    [InlineData(ReelFraming.Square, 720, 1280, 720, 720)]
    public void The_window_is_the_largest_of_the_shape_in_even_pixels(ReelFraming framing, int sourceWidth, int sourceHeight, int width, int height)
    {
        var geometry = FrameGeometry.For(framing, sourceWidth, sourceHeight);

        Assert.Equal((width, height), (geometry.Width, geometry.Height));
        Assert.True(geometry.Width <= sourceWidth && geometry.Height <= sourceHeight);
    }

    [Fact]
    public void The_centre_keeps_the_window_inside_the_picture()
    {
        var geometry = FrameGeometry.For(ReelFraming.Vertical, 1280, 720);

        Assert.Equal(876, geometry.MaxX);
        Assert.Equal(438, geometry.CentreX);
        Assert.Equal(0, geometry.MaxY);
        Assert.True(geometry.Crops);
        Assert.False(FrameGeometry.For(ReelFraming.Source, 1280, 720).Crops);
    }
}
