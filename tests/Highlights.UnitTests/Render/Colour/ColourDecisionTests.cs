using Highlights.Grains.Edl;
using Highlights.Grains.Media;
using Highlights.Grains.Render.Colour;

namespace Highlights.UnitTests.Render.Colour;

public sealed class ColourDecisionTests
{
    private static VideoStreamInfo Video(int width, int height, string? space = null, string? primaries = null, string? transfer = null, string? range = null, string pixelFormat = "yuv420p") =>
        new(0, "h264", width, height, 30, pixelFormat, transfer, primaries, space, range);

    [Fact]
    public void Known_tags_are_used_even_when_the_size_says_otherwise()
    {
        var input = ColourDecision.For(Video(1280, 720, "smpte170m", "smpte170m", "smpte170m", "tv"));

        Assert.Equal(new ColourInput("smpte170m", "smpte170m", "smpte170m", "tv", ColourBasis.Tags), input);
    }

    [Theory]
    [InlineData(640, 480, "smpte170m", "smpte170m", "smpte170m")]
    [InlineData(720, 576, "smpte170m", "bt470bg", "smpte170m")]
    [InlineData(1280, 720, "bt709", "bt709", "bt709")]
    [InlineData(3840, 2160, "bt709", "bt709", "bt709")]
    public void Untagged_sd_is_read_as_bt601_and_hd_as_bt709(int width, int height, string matrix, string primaries, string transfer)
    {
        var input = ColourDecision.For(Video(width, height));

        Assert.Equal(new ColourInput(matrix, primaries, transfer, "tv", ColourBasis.Resolution), input);
    }

    [Fact]
    public void An_unknown_or_partial_tag_set_falls_back_field_by_field()
    {
        var input = ColourDecision.For(Video(640, 480, space: "bt709", primaries: "unknown", transfer: "reserved"));

        Assert.Equal(new ColourInput("bt709", "smpte170m", "smpte170m", "tv", ColourBasis.Resolution), input);
    }

    [Theory]
    [InlineData("pc", "yuv420p", "pc")]
    [InlineData(null, "yuvj420p", "pc")]
    [InlineData("tv", "yuvj420p", "tv")]
    [InlineData("unknown", "yuv420p", "tv")]
    public void Full_range_comes_from_the_tag_or_a_jpeg_pixel_format(string? range, string pixelFormat, string expected)
    {
        Assert.Equal(expected, ColourDecision.For(Video(1920, 1080, range: range, pixelFormat: pixelFormat)).Range);
    }

    [Fact]
    public void Hdr_without_matrix_tags_is_read_as_bt2020()
    {
        var input = ColourDecision.For(Video(3840, 2160, transfer: "smpte2084"));

        Assert.True(input.IsHdr);
        Assert.Equal(("bt2020nc", "bt2020"), (input.Matrix, input.Primaries));
    }
}
