using Highlights.Grains.Edl;

namespace Highlights.UnitTests.Edl;

public sealed class FrameGridTests
{
    private static readonly FrameGrid Thirty = new(30);
    private static readonly FrameGrid Ntsc = new(30000.0 / 1001);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1.0, 30)]
    [InlineData(1.016, 30)]
    [InlineData(1.017, 31)]
    [InlineData(2.5, 75)]
    public void Times_snap_to_the_nearest_frame_at_30_fps(double seconds, long frame)
    {
        Assert.Equal(frame, Thirty.FrameAt(seconds));
    }

    [Theory]
    [InlineData(10.0, 300)]
    [InlineData(20.0, 599)]
    [InlineData(60.0, 1798)]
    public void Times_snap_to_the_nearest_frame_at_ntsc_rate(double seconds, long frame)
    {
        Assert.Equal(frame, Ntsc.FrameAt(seconds));
    }

    [Fact]
    public void Frame_times_are_frame_numbers_over_the_rate()
    {
        Assert.Equal(1.033333, Thirty.TimeOf(31));
        Assert.Equal(10.01, Ntsc.TimeOf(300));
        Assert.Equal(19.986633, Ntsc.TimeOf(599));
    }

    [Fact]
    public void Snapping_a_frame_time_gives_back_the_same_frame()
    {
        foreach (var grid in new[] { Thirty, Ntsc, new FrameGrid(24000.0 / 1001), new FrameGrid(25) })
        {
            for (long frame = 0; frame < 500_000; frame += 997)
            {
                Assert.Equal(frame, grid.FrameAt(grid.TimeOf(frame)));
            }
        }
    }

    [Theory]
    [InlineData(10.0, 300)]
    [InlineData(10.02, 300)]
    [InlineData(10.04, 301)]
    public void The_end_frame_counts_the_whole_frames_that_start_before_the_end(double duration, long endFrame)
    {
        Assert.Equal(endFrame, Thirty.EndFrame(duration));
    }

    [Fact]
    public void A_duration_that_is_a_whole_number_of_ntsc_frames_ends_on_that_frame_despite_rounding()
    {
        Assert.Equal(300, Ntsc.EndFrame(300 * 1001 / 30000.0));
        Assert.Equal(300, Ntsc.EndFrame(10.01));
    }
}
