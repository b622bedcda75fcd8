using Highlights.Grains.Media;
using Highlights.Grains.Signals;
using Highlights.Grains.Signals.Visual;

namespace Highlights.UnitTests.Signals;

public sealed class CoarseVisualTests
{
    /// <summary>30 fps, a keyframe every 2 s unless <paramref name="keyframes"/> says; non-key pictures of <paramref name="size"/>(time) bytes.</summary>
    private static List<VideoPacket> Packets(double seconds, Func<double, int> size, double[]? keyframes = null)
    {
        var packets = new List<VideoPacket>();
        for (var i = 0; i < seconds * 30; i++)
        {
            var time = i / 30.0;
            var key = keyframes is null ? i % 60 == 0 : keyframes.Any(k => Math.Abs(k - time) < 1e-6);
            packets.Add(new VideoPacket(time, key ? 20_000 : size(time), key));
        }

        return packets;
    }

    [Fact]
    public void The_motion_proxy_is_the_mean_size_of_the_non_key_pictures_of_each_step()
    {
        var packets = Packets(4, t => t < 2 ? 100 : 900);

        var proxy = CoarseVisual.MotionProxy(packets, 0.5, 8);

        Assert.Equal([100f, 100f, 100f, 100f, 900f, 900f, 900f, 900f], proxy);
    }

    [Fact]
    public void A_picture_far_larger_than_those_before_it_is_a_cut_and_keyframes_at_cadence_are_not()
    {
        var packets = Packets(10, t => Math.Abs(t - 5) < 1e-6 ? 5_000 : 200);

        var cut = Assert.Single(CoarseVisual.Cuts(packets));

        Assert.Equal(5, cut.Time, 3);
        Assert.InRange(cut.Strength, 0.5, 1);
    }

    [Fact]
    public void A_keyframe_that_breaks_the_cadence_is_a_cut()
    {
        // As x264 does at a scene change: a keyframe early, and the cadence starting again from it.
        var packets = Packets(10, _ => 200, keyframes: [0, 2, 3.5, 5.5, 7.5, 9.5]);

        var cut = Assert.Single(CoarseVisual.Cuts(packets));

        Assert.Equal(3.5, cut.Time, 3);
    }

    [Fact]
    public void Each_step_takes_the_faces_of_the_nearest_keyframe()
    {
        var format = new FrameFormat(320, 180, 1);
        var keyframes = new VisualFrames(format, 1, [0, 0], [0, 0], [false, false], [0, 2], [0, 0.4f], [0, 1]);

        var steps = CoarseVisual.Build(Packets(4, _ => 100), [0, 2], keyframes, 0.5, 8);

        Assert.Equal([0f, 0f, 2f, 2f, 2f, 2f, 2f, 2f], steps.FaceCount);
        Assert.Equal(1f, steps.Smile[^1]);
    }
}

public sealed class FineWindowsTests
{
    [Fact]
    public void Segments_are_padded_snapped_out_to_whole_steps_merged_and_kept_inside_the_video()
    {
        var windows = FineWindows.Around([(10.2, 14.9), (0.3, 2), (15.5, 18), (40, 60)], padSeconds: 1, stepSeconds: 0.5, steps: 100);

        Assert.Equal([new StepWindow(0, 6), new StepWindow(18, 20), new StepWindow(78, 22)], windows);
    }

    [Fact]
    public void Windows_less_than_the_merge_gap_apart_are_decoded_as_one()
    {
        var windows = FineWindows.Around([(10, 15), (16.5, 20), (30, 35)], padSeconds: 0, stepSeconds: 0.5, steps: 100);

        Assert.Equal([new StepWindow(20, 20), new StepWindow(60, 10)], windows);
    }

    [Fact]
    public void A_window_whose_keyframe_lies_in_the_window_before_is_decoded_with_it()
    {
        // Keyframes 8 s apart: the second window's decode would start at 8 s, inside the first window.
        var windows = FineWindows.Around([(5, 10), (14, 16), (30, 32)], padSeconds: 0, stepSeconds: 0.5, steps: 100, keyframes: [0, 8, 24, 32]);

        Assert.Equal([new StepWindow(10, 22), new StepWindow(60, 4)], windows);
    }

    [Theory]
    [InlineData(90, 600, false)]
    [InlineData(15, 20, true)]
    [InlineData(30, 60, true)]
    public void A_fine_share_of_half_the_video_or_more_is_one_full_pass(double fine, double duration, bool full) =>
        Assert.Equal(full, FineWindows.FullPassCheaper(fine, duration));
}

public sealed class VisualStepsOverlayTests
{
    private static VisualSteps Steps(float[] motion, params SceneCutAt[] cuts) =>
        new(motion, new float[motion.Length], new float[motion.Length], new float[motion.Length], new float[motion.Length], cuts);

    [Fact]
    public void The_fine_steps_replace_the_coarse_ones_and_the_proxy_is_put_in_the_fine_units()
    {
        // Proxy in bytes; inside the window the fine motion is a thousandth of it.
        var coarse = Steps([1000, 2000, 4000, 2000, 1000, 3000], new SceneCutAt(0.2, 1), new SceneCutAt(1.2, 1));
        var fine = Steps([4.2f, 1.8f], new SceneCutAt(1.1, 0.7));

        var merged = VisualSteps.Overlay(coarse, [(2, fine)], 0.5);

        Assert.Equal(1f, merged.Motion[0], 3);
        Assert.Equal(2f, merged.Motion[1], 3);
        Assert.Equal(4.2f, merged.Motion[2]);
        Assert.Equal(1.8f, merged.Motion[3]);
        Assert.Equal(3f, merged.Motion[5], 3);
        Assert.Equal([0.2, 1.1], merged.Cuts.Select(c => c.Time));
    }

    [Fact]
    public void Without_windows_the_coarse_steps_stand()
    {
        var coarse = Steps([10, 20]);

        Assert.Equal([10f, 20f], VisualSteps.Overlay(coarse, [], 0.5).Motion);
    }
}
