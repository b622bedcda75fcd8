using Highlights.Cli.Output;
using Highlights.Grains.Actor;

namespace Highlights.UnitTests.Output;

/// <summary>Issue 12, item 6: a redrawn progress line never wraps, whatever the terminal's width.</summary>
public sealed class ProgressDisplayTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(50)]
    [InlineData(32)]
    [InlineData(20)]
    public void Every_redraw_fits_the_terminal(int columns)
    {
        var output = new StringWriter();
        var display = new ProgressDisplay(output, interactive: true, () => columns);

        display.Report(new PipelineEvent.Started("transcript"));
        foreach (var fraction in new[] { 0, 0.37, 1 })
        {
            display.Report(new PipelineEvent.Progressed("transcript", fraction, "window 3 of 12, 00:31:10 of 02:00:00"));
        }

        var redraws = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Replace("\u001b[2K", string.Empty, StringComparison.Ordinal));
        Assert.All(redraws, line => Assert.True(line.Length < Math.Max(columns, 21), $"{line.Length} columns at {columns}: '{line}'"));
    }

    [Fact]
    public void The_bar_shrinks_before_the_detail_goes_and_the_percentage_stays()
    {
        var wide = ProgressDisplay.Fit("render", 0.5, "chunk 2 of 4", 79);
        var narrow = ProgressDisplay.Fit("render", 0.5, "chunk 2 of 4", 49);
        var tiny = ProgressDisplay.Fit("render", 0.5, "chunk 2 of 4", 30);

        Assert.Equal("  render      [############............]  50% (chunk 2 of 4)", wide);
        Assert.Contains("(chunk 2 of 4)", narrow, StringComparison.Ordinal);
        Assert.True(narrow.Length <= 49 && narrow.Contains("50%", StringComparison.Ordinal), narrow);
        Assert.DoesNotContain("chunk", tiny, StringComparison.Ordinal);
        Assert.True(tiny.Length <= 30 && tiny.Contains("50%", StringComparison.Ordinal), tiny);
    }
}
