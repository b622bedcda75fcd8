using Highlights.Grains.Llm.Chunks;

namespace Highlights.UnitTests.Llm;

public sealed class TimecodeTests
{
    [Theory]
    [InlineData(0, "00:00")]
    [InlineData(59.99, "00:59")]
    [InlineData(61, "01:01")]
    [InlineData(4502.5, "75:02")]
    [InlineData(-3, "00:00")]
    public void Markers_are_whole_minutes_and_seconds_with_minutes_not_wrapped(double seconds, string expected)
    {
        Assert.Equal(expected, Timecode.Format(seconds));
    }

    [Theory]
    [InlineData("00:00", 0)]
    [InlineData("1:05", 65)]
    [InlineData("75:02", 4502)]
    [InlineData("123:59", 7439)]
    [InlineData("1:15:02", 4502)]
    [InlineData(" 12:07 ", 727)]
    public void Markers_and_hour_forms_read_back_as_seconds(string text, double expected)
    {
        Assert.True(Timecode.TryParse(text, out var seconds));
        Assert.Equal(expected, seconds);
    }

    [Theory]
    [InlineData("12:60")]
    [InlineData("1:75:00")]
    [InlineData("12")]
    [InlineData("12:3a")]
    [InlineData(":30")]
    [InlineData("1:2:3:4")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_marker(string? text)
    {
        Assert.False(Timecode.TryParse(text, out _));
    }
}
