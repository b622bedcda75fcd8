using Highlights.Grains.Signals.Visual;

namespace Highlights.UnitTests.Signals;

public sealed class FrameDifferenceTests
{
    private static byte[] Frame(int size, Func<int, byte> pixel) => [.. Enumerable.Range(0, size).Select(pixel)];

    [Theory]
    [InlineData(320 * 180)]
    [InlineData(37)]
    public void Identical_frames_have_no_motion(int size)
    {
        var frame = Frame(size, i => (byte)(i * 13));

        Assert.Equal(0, FrameDifference.MotionEnergy(frame, frame));
    }

    [Theory]
    [InlineData(320 * 180)]
    [InlineData(1)]
    [InlineData(999_999)]
    public void Black_to_white_is_full_motion_without_overflow(int size)
    {
        Assert.Equal(1, FrameDifference.MotionEnergy(new byte[size], Frame(size, _ => 255)), 9);
    }

    [Fact]
    public void Motion_is_the_mean_absolute_difference_in_either_direction()
    {
        // Left half brightens by 102, right half darkens by 51: mean |difference| 76.5 of 255.
        const int size = 320 * 180;
        var before = Frame(size, _ => 100);
        var after = Frame(size, i => (byte)(i < size / 2 ? 202 : 49));

        Assert.Equal(76.5 / 255, FrameDifference.MotionEnergy(before, after), 9);
        Assert.Equal(76.5 / 255, FrameDifference.MotionEnergy(after, before), 9);
    }

    [Fact]
    public void Frames_of_different_sizes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FrameDifference.MotionEnergy(new byte[10], new byte[11]));
    }
}
