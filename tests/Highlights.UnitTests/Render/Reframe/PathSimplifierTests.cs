using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class PathSimplifierTests
{
    [Fact]
    public void A_straight_path_keeps_its_ends_only()
    {
        var path = Enumerable.Range(0, 50).Select(i => (i / 10.0, i * 3.0)).ToList();

        Assert.Equal([(0.0, 0.0), (4.9, 147.0)], PathSimplifier.Simplify(path, 1));
    }

    [Fact]
    public void Lines_between_the_kept_points_stay_within_the_tolerance_of_every_sample()
    {
        var path = Enumerable.Range(0, 300).Select(i => (i / 30.0, 200 * Math.Sin(i / 40.0))).ToList();

        var kept = PathSimplifier.Simplify(path, 1);

        Assert.True(kept.Count < 40, $"{kept.Count} points kept");
        foreach (var (time, value) in path)
        {
            var after = kept.First(k => k.Time >= time);
            var before = kept.Last(k => k.Time <= time);
            var onLine = after.Time == before.Time ? before.Value : before.Value + ((time - before.Time) / (after.Time - before.Time) * (after.Value - before.Value));
            Assert.True(Math.Abs(onLine - value) <= 1 + 1e-9, $"{value:0.00} at {time:0.000}s drawn as {onLine:0.00}");
        }
    }
}
