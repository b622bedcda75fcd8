using Highlights.Cli.Output;
using Highlights.Grains.Edl;

namespace Highlights.UnitTests.Output;

/// <summary>Issue 12, item 13: the summary gives a cropped reel's size and where it comes from.</summary>
public sealed class ReelPictureTests
{
    private static readonly EdlSource Small = new("talk.mp4", "00", 60, 640, 360, 30, HasAudio: true);

    private static RenderSettings Render(ReelFraming framing, int width, int height) =>
        new("mp4", "libx264", "veryfast", 20, "yuv420p", "aac", 160, true, false, framing, width, height);

    [Fact]
    public void A_vertical_reel_of_a_small_source_says_it_is_a_full_height_crop()
    {
        Assert.Equal("202x360: a 9:16 crop of the 640x360 source at its full height", ReelPicture.Describe(Render(ReelFraming.Vertical, 202, 360), Small));
    }

    [Fact]
    public void A_square_reel_names_its_shape()
    {
        Assert.Equal("360x360: a 1:1 crop of the 640x360 source at its full height", ReelPicture.Describe(Render(ReelFraming.Square, 360, 360), Small));
    }

    [Theory]
    [InlineData(640, 360)]
    [InlineData(0, 0)]
    public void A_source_framed_reel_is_just_its_size(int width, int height)
    {
        Assert.Equal("640x360", ReelPicture.Describe(Render(ReelFraming.Source, width, height), Small));
    }
}
