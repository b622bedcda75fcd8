using Highlights.Grains.Signals.Visual;

namespace Highlights.UnitTests.Signals;

public sealed class SceneCutTests
{
    private const int Width = 64, Height = 36;

    /// <summary>A horizontal gradient from <paramref name="from"/> to <paramref name="to"/>, shifted right by <paramref name="shift"/> pixels.</summary>
    private static byte[] Gradient(int from, int to, int shift = 0) =>
        [.. Enumerable.Range(0, Width * Height).Select(i => (byte)(from + ((to - from) * (((i % Width) + shift) % Width) / (Width - 1))))];

    private static int[] Histogram(byte[] frame)
    {
        var bins = new int[GreyHistogram.Bins];
        GreyHistogram.Fill(frame, bins);
        return bins;
    }

    [Fact]
    public void The_same_picture_has_distance_zero_and_black_against_white_one()
    {
        var picture = Histogram(Gradient(0, 255));

        Assert.Equal(0, GreyHistogram.Distance(picture, picture));
        Assert.Equal(1, GreyHistogram.Distance(Histogram(new byte[100]), Histogram([.. Enumerable.Repeat((byte)255, 100)])));
    }

    [Fact]
    public void A_pan_across_the_same_scene_is_near_and_a_cut_to_another_scene_is_far()
    {
        var shot = Histogram(Gradient(0, 120));
        var panned = Histogram(Gradient(0, 120, shift: 9));
        var otherShot = Histogram(Gradient(130, 255));

        Assert.True(GreyHistogram.Distance(shot, panned) < 0.05);
        Assert.True(GreyHistogram.Distance(shot, otherShot) > 0.9);
    }

    [Fact]
    public void A_lone_jump_in_distance_is_a_cut()
    {
        double[] distances = [0, 0.02, 0.03, 0.01, 0.85, 0.02, 0.01, 0.03];

        Assert.Equal([false, false, false, false, true, false, false, false], SceneCutRule.Cuts(distances));
    }

    [Fact]
    public void Constant_flicker_is_not_a_cut_every_frame()
    {
        double[] distances = [0, 0.5, 0.55, 0.5, 0.6, 0.5, 0.52, 0.5];

        Assert.All(SceneCutRule.Cuts(distances), cut => Assert.False(cut));
    }

    [Fact]
    public void Small_changes_are_never_cuts()
    {
        double[] distances = [0, 0.01, 0.01, 0.2, 0.01, 0.01];

        Assert.All(SceneCutRule.Cuts(distances), cut => Assert.False(cut));
    }
}
