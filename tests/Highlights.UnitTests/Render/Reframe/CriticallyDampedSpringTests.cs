using Highlights.Grains.Render.Reframe;

namespace Highlights.UnitTests.Render.Reframe;

public sealed class CriticallyDampedSpringTests
{
    private const double Dt = 1 / 30.0;

    private static List<double> Run(CriticallyDampedSpring spring, Func<int, double> target, int steps) =>
        [.. Enumerable.Range(0, steps).Select(i => spring.Step(target(i), Dt))];

    [Fact]
    public void It_converges_on_the_target_without_overshooting()
    {
        var spring = new CriticallyDampedSpring(4, 10_000);
        spring.Reset(0);

        var path = Run(spring, _ => 100, 90);

        Assert.All(path.Zip(path.Skip(1)), p => Assert.True(p.Second >= p.First && p.Second <= 100, $"{p.First} -> {p.Second}"));
        Assert.InRange(path[^1], 99.5, 100);
        Assert.InRange(path[29], 85, 95);
    }

    [Fact]
    public void Its_speed_never_exceeds_the_limit_even_for_a_jump_across_the_picture()
    {
        var spring = new CriticallyDampedSpring(30, 300);
        spring.Reset(0);

        var path = Run(spring, _ => 5000, 120);

        Assert.All(path.Prepend(0).Zip(path), p => Assert.True(Math.Abs(p.Second - p.First) <= (300 * Dt) + 1e-9));
        Assert.Equal(300 * 4, path[^1], 6);
    }

    [Fact]
    public void Long_steps_stay_stable()
    {
        var spring = new CriticallyDampedSpring(10, 1e9);
        spring.Reset(0);

        var path = Enumerable.Range(0, 10).Select(_ => spring.Step(50, 1.0)).ToList();

        Assert.All(path, p => Assert.InRange(p, 0, 50));
        Assert.Equal(50, path[^1], 3);
    }

    [Fact]
    public void A_target_that_wobbles_is_smoothed_far_below_its_wobble()
    {
        var spring = new CriticallyDampedSpring(4, 10_000);
        spring.Reset(100);

        // The target flips by 20 px every sample; the spring barely moves.
        var path = Run(spring, i => i % 2 == 0 ? 90 : 110, 300);

        Assert.True(path.Skip(30).Max() - path.Skip(30).Min() < 2, $"wobble of {path.Skip(30).Max() - path.Skip(30).Min():0.00} px");
    }

    [Fact]
    public void A_stiffness_or_speed_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CriticallyDampedSpring(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CriticallyDampedSpring(1, 0));
    }
}
