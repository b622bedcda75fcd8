using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.UnitTests.State;

/// <summary>The transitions a cluster's grain makes besides running stages: tallies, interrupts, retries, cancels.</summary>
public sealed class VideoStateLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static VideoState Submitted() =>
        VideoState.Create("vid-1", new VideoSource("/media/talk.mp4", 1234, "abc123"), new ProcessingOptions(), T0, "acme") with { Unattended = true };

    private static JsonElement Result => JsonSerializer.SerializeToElement(new { ok = true });

    [Fact]
    public void Every_entry_into_a_stage_is_a_run_and_every_completion_a_completion()
    {
        var state = Submitted().BeginRun(T0).EnterStage("probe", T0).Interrupt(T0)
            .BeginRun(T0).EnterStage("probe", T0).CompleteStage("probe", 1, Result, TimeSpan.FromSeconds(1), T0)
            .EnterStage("audio", T0);

        Assert.Equal(new StageTally(2, 1), state.Tallies["probe"]);
        Assert.Equal(new StageTally(1, 0), state.Tallies["audio"]);
    }

    [Fact]
    public void An_interrupted_run_waits_for_its_next_activation_without_counting_as_a_try()
    {
        var state = Submitted().BeginRun(T0).EnterStage("probe", T0).Interrupt(T0.AddSeconds(1));

        Assert.Equal((VideoStatus.Pending, 0, null), (state.Status, state.Attempts, state.CurrentStage));
        Assert.True(state.IsQueued());
        Assert.Throws<IllegalTransitionException>(() => state.Interrupt(T0));
    }

    [Fact]
    public void A_failed_run_with_a_retry_due_is_queued_until_the_next_run_begins()
    {
        var failed = Submitted().BeginRun(T0).EnterStage("probe", T0).Fail(FailureKind.Error, "boom", T0);
        var retrying = failed.RetryAt(T0.AddSeconds(30), T0);
        var again = retrying.BeginRun(T0.AddSeconds(30));

        Assert.False(failed.IsQueued());
        Assert.True(retrying.IsQueued());
        Assert.Equal(T0.AddSeconds(30), retrying.NextAttemptAt);
        Assert.Equal((VideoStatus.Running, null, 2), (again.Status, again.NextAttemptAt, again.Attempts));
        Assert.Throws<IllegalTransitionException>(() => Submitted().RetryAt(T0, T0));
    }

    [Fact]
    public void A_waiting_video_is_cancelled_with_the_reason_and_leaves_the_queue()
    {
        var cancelled = Submitted().CancelWaiting(T0);
        var retryCancelled = Submitted().BeginRun(T0).EnterStage("probe", T0).Fail(FailureKind.Error, "boom", T0).RetryAt(T0.AddMinutes(1), T0).CancelWaiting(T0);

        Assert.Equal((VideoStatus.Cancelled, FailureKind.Cancelled, "(queued)"), (cancelled.Status, cancelled.Failure!.Kind, cancelled.Failure.Stage));
        Assert.False(cancelled.IsQueued());
        Assert.Equal((VideoStatus.Cancelled, null, "probe"), (retryCancelled.Status, retryCancelled.NextAttemptAt, retryCancelled.Failure!.Stage));
        Assert.Throws<IllegalTransitionException>(() => Submitted().BeginRun(T0).CancelWaiting(T0));
    }

    [Theory]
    [InlineData(FailureKind.Error)]
    [InlineData(FailureKind.Cancelled)]
    public void A_requeued_video_starts_over_its_tries_and_keeps_its_checkpoints(FailureKind kind)
    {
        var ended = Submitted().BeginRun(T0).EnterStage("probe", T0).CompleteStage("probe", 1, Result, TimeSpan.FromSeconds(1), T0)
            .EnterStage("audio", T0).Fail(kind, "stopped", T0);

        var requeued = ended.Requeue(T0);

        Assert.Equal((VideoStatus.Pending, 0, null), (requeued.Status, requeued.Attempts, requeued.Failure));
        Assert.True(requeued.IsQueued());
        Assert.True(requeued.Checkpoints.ContainsKey("probe"));
        Assert.Throws<IllegalTransitionException>(() => Submitted().Requeue(T0));
    }

    [Fact]
    public void A_cli_video_is_never_queued_and_a_summary_keeps_checkpoints_without_their_results()
    {
        var local = VideoState.Create("vid-2", new VideoSource("/m.mp4", 1, "ab"), new ProcessingOptions(), T0);
        var done = local.BeginRun(T0).EnterStage("probe", T0).CompleteStage("probe", 3, Result, TimeSpan.FromSeconds(2), T0);

        var summary = done.WithoutResults();

        Assert.False(local.IsQueued());
        Assert.Equal((3, 2.0), (summary.Checkpoints["probe"].ResultVersion, summary.Checkpoints["probe"].DurationSeconds));
        Assert.Equal(JsonValueKind.Null, summary.Checkpoints["probe"].Result.ValueKind);
        Assert.Equal(JsonValueKind.Object, done.Checkpoints["probe"].Result.ValueKind);
    }
}
