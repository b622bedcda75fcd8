using Highlights.Grains.State;

namespace Highlights.UnitTests.State;

public sealed class VideoStatePauseTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static VideoState NewState() =>
        VideoState.Create("vid-1", new VideoSource("/media/talk.mp4", 1234, "abc123"), new ProcessingOptions(), T0);

    [Fact]
    public void Pausing_a_running_video_makes_it_pending_and_a_new_run_can_begin()
    {
        var paused = NewState().BeginRun(T0).Pause(T0.AddSeconds(1));

        Assert.Equal(VideoStatus.Pending, paused.Status);
        Assert.Null(paused.CurrentStage);
        Assert.Equal(T0.AddSeconds(1), paused.UpdatedAt);
        Assert.Equal(VideoStatus.Running, paused.BeginRun(T0).Status);
    }

    [Fact]
    public void Pausing_a_video_that_is_not_running_throws()
    {
        Assert.Throws<IllegalTransitionException>(() => NewState().Pause(T0));
    }
}
