using Highlights.Grains.Render;

namespace Highlights.UnitTests.Render;

public sealed class FilterEscapeTests
{
    [Theory]
    [InlineData("/work/v/reel.ass", "/work/v/reel.ass")]
    [InlineData("/a:b/c.ass", @"/a\\:b/c.ass")]
    [InlineData("/it's/c.ass", @"/it\\\'s/c.ass")]
    [InlineData("/x,y;z[1]/c.ass", @"/x\,y\;z\[1\]/c.ass")]
    [InlineData(@"C:\dir", @"C\\:\\\\dir")]
    public void Option_values_are_escaped_for_the_option_parser_and_then_the_graph_parser(string value, string escaped)
    {
        Assert.Equal(escaped, FilterEscape.OptionValue(value));
    }
}
