using Highlights.Grains.Processes;

namespace Highlights.UnitTests.Processes;

public sealed class LineTailTests
{
    [Fact]
    public void Only_the_last_lines_up_to_the_capacity_are_kept()
    {
        var tail = new LineTail(3);
        foreach (var line in new[] { "a", "b", "c", "d", "e" })
        {
            tail.Add(line);
        }

        Assert.Equal("c\nd\ne", tail.ToString());
    }

    [Fact]
    public void Fewer_lines_than_the_capacity_are_all_kept_in_order()
    {
        var tail = new LineTail(40);
        tail.Add("first");
        tail.Add("second");

        Assert.Equal("first\nsecond", tail.ToString());
    }

    [Fact]
    public void An_empty_tail_is_an_empty_string()
    {
        Assert.Equal(string.Empty, new LineTail(5).ToString());
    }

    [Fact]
    public void Lines_added_concurrently_are_neither_lost_nor_torn()
    {
        var tail = new LineTail(10_000);

        Parallel.For(0, 4000, i => tail.Add($"line {i}"));

        var lines = tail.ToString().Split('\n');
        Assert.Equal(4000, lines.Length);
        Assert.Equal(4000, lines.Distinct().Count());
    }
}
