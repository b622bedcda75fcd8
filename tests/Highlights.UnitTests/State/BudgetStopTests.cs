using System.Text.Json;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.UnitTests.Actor;

namespace Highlights.UnitTests.State;

public sealed class BudgetStopTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly GrainHarness harness = new("probe", "select", "edl");

    public void Dispose() => harness.Dispose();

    private static VideoState InSelect() =>
        VideoState.Create("v", new VideoSource("/x.mp4", 1, "ab"), new ProcessingOptions(), T0).BeginRun(T0).EnterStage("select", T0);

    [Fact]
    public void Stopping_for_budget_keeps_the_stage_partial_work_and_a_new_run_may_begin()
    {
        var withPartial = InSelect().RecordPartial("select", 1, JsonSerializer.SerializeToElement(new { chunks = 2 }), TimeSpan.Zero, T0);

        var stopped = withPartial.StopForBudget("video budget of $0.50 reached", T0);

        Assert.Equal(VideoStatus.BudgetExceeded, stopped.Status);
        Assert.Equal(new VideoFailure("select", FailureKind.BudgetExceeded, "video budget of $0.50 reached", T0), stopped.Failure);
        Assert.True(stopped.Partials.ContainsKey("select"));
        var resumed = stopped.BeginRun(T0);
        Assert.Equal(VideoStatus.Running, resumed.Status);
        Assert.Null(resumed.Failure);
    }

    [Fact]
    public void Only_a_running_video_can_stop_for_budget_and_a_budget_stop_is_not_a_failure()
    {
        var pending = VideoState.Create("v", new VideoSource("/x.mp4", 1, "ab"), new ProcessingOptions(), T0);

        Assert.Throws<IllegalTransitionException>(() => pending.StopForBudget("x", T0));
        Assert.Throws<IllegalTransitionException>(() => InSelect().Fail(FailureKind.BudgetExceeded, "x", T0));
    }

    [Fact]
    public async Task A_stage_stopping_at_its_budget_leaves_the_video_budget_exceeded_with_its_checkpoints_and_partial_work()
    {
        var events = new EventRecorder();
        harness["select"].During = async (context, ct) =>
        {
            await context.SavePartialAsync(new { chunks_done = 3 }, ct);
            throw new BudgetExceededException(BudgetExceededException.VideoScope, "video budget of $0.50 reached");
        };
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<BudgetExceededException>(() => grain.RunAsync(events, CancellationToken.None));

        var stored = (await harness.StoredAsync())!;
        Assert.Equal(VideoStatus.BudgetExceeded, stored.Status);
        Assert.Equal(["probe"], stored.Checkpoints.Keys);
        Assert.Equal(3, stored.Partials["select"].Result.GetProperty("chunks_done").GetInt32());
        Assert.Contains("Stopped:select", events.Trace());
        Assert.Equal(0, harness["edl"].Calls);
    }
}
