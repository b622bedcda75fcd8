using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.UnitTests.State;

public sealed class VideoStateTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private sealed record SampleResult(string Name, int Count, double Seconds, bool Flag);

    private static VideoState NewState() =>
        VideoState.Create("vid-1", new VideoSource("/media/talk.mp4", 1234, "abc123"), new ProcessingOptions(), T0);

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, StateJson.Options);

    private static VideoState WithStage(VideoState running, string stage) =>
        running.EnterStage(stage, T0).CompleteStage(stage, 1, Json(new { stage }), TimeSpan.FromSeconds(1), T0);

    [Fact]
    public void A_new_state_is_pending_with_no_checkpoints()
    {
        var state = NewState();

        Assert.Equal(VideoStatus.Pending, state.Status);
        Assert.Empty(state.Checkpoints);
        Assert.Equal(0, state.Attempts);
        Assert.Equal(0, state.Revision);
    }

    [Fact]
    public void Beginning_a_run_from_pending_makes_it_running_and_counts_the_attempt()
    {
        var later = T0.AddMinutes(1);
        var running = NewState().BeginRun(later);

        Assert.Equal(VideoStatus.Running, running.Status);
        Assert.Equal(1, running.Attempts);
        Assert.Equal(later, running.UpdatedAt);
    }

    [Theory]
    [InlineData(FailureKind.Error, VideoStatus.Failed)]
    [InlineData(FailureKind.InputRejected, VideoStatus.Failed)]
    [InlineData(FailureKind.Cancelled, VideoStatus.Cancelled)]
    public void A_failed_or_cancelled_video_can_begin_a_new_run_which_clears_the_failure(FailureKind kind, VideoStatus expectedStatus)
    {
        var stopped = NewState().BeginRun(T0).EnterStage("probe", T0).Fail(kind, "went wrong", T0);
        Assert.Equal(expectedStatus, stopped.Status);

        var resumed = stopped.BeginRun(T0);

        Assert.Equal(VideoStatus.Running, resumed.Status);
        Assert.Null(resumed.Failure);
        Assert.Null(resumed.CurrentStage);
        Assert.Equal(2, resumed.Attempts);
    }

    [Fact]
    public void Beginning_a_run_of_a_completed_video_throws()
    {
        var completed = NewState().BeginRun(T0).Complete([], T0);

        Assert.Throws<IllegalTransitionException>(() => completed.BeginRun(T0));
    }

    [Fact]
    public void Entering_a_stage_while_not_running_throws()
    {
        Assert.Throws<IllegalTransitionException>(() => NewState().EnterStage("probe", T0));
    }

    [Fact]
    public void Completing_a_stage_other_than_the_current_one_throws()
    {
        var inProbe = NewState().BeginRun(T0).EnterStage("probe", T0);

        var error = Assert.Throws<IllegalTransitionException>(() => inProbe.CompleteStage("audio", 1, Json(1), TimeSpan.Zero, T0));
        Assert.Contains("audio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_a_stage_without_entering_it_throws()
    {
        var running = NewState().BeginRun(T0);

        Assert.Throws<IllegalTransitionException>(() => running.CompleteStage("probe", 1, Json(1), TimeSpan.Zero, T0));
    }

    [Fact]
    public void Completing_a_stage_while_not_running_throws_even_if_it_is_current()
    {
        var cancelled = NewState().BeginRun(T0).EnterStage("probe", T0).Fail(FailureKind.Cancelled, "stop", T0);

        Assert.Throws<IllegalTransitionException>(() => cancelled.CompleteStage("probe", 1, Json(1), TimeSpan.Zero, T0));
    }

    [Fact]
    public void Completing_the_current_stage_records_its_checkpoint_and_leaves_the_stage()
    {
        var done = NewState().BeginRun(T0).EnterStage("probe", T0)
            .CompleteStage("probe", 3, Json(new { width = 640 }), TimeSpan.FromSeconds(2.5), T0.AddSeconds(3));

        var checkpoint = done.Checkpoints["probe"];
        Assert.Null(done.CurrentStage);
        Assert.Equal(3, checkpoint.ResultVersion);
        Assert.Equal(2.5, checkpoint.DurationSeconds);
        Assert.Equal(T0.AddSeconds(3), checkpoint.CompletedAt);
        Assert.Equal(640, checkpoint.Result.GetProperty("width").GetInt32());
    }

    [Fact]
    public void Failing_records_the_current_stage_kind_and_message()
    {
        var failed = NewState().BeginRun(T0).EnterStage("audio", T0).Fail(FailureKind.Error, "ffmpeg exited with code 1", T0);

        Assert.Equal(VideoStatus.Failed, failed.Status);
        Assert.Equal(new VideoFailure("audio", FailureKind.Error, "ffmpeg exited with code 1", T0), failed.Failure);
    }

    [Fact]
    public void Failing_while_not_running_throws()
    {
        Assert.Throws<IllegalTransitionException>(() => NewState().Fail(FailureKind.Error, "x", T0));
    }

    [Fact]
    public void Completing_without_every_required_checkpoint_throws_naming_the_missing_stages()
    {
        var running = WithStage(NewState().BeginRun(T0), "probe");

        var error = Assert.Throws<IllegalTransitionException>(() => running.Complete(["probe", "audio", "render"], T0));
        Assert.Contains("audio, render", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_with_every_required_checkpoint_marks_the_video_completed()
    {
        var running = WithStage(WithStage(NewState().BeginRun(T0), "probe"), "audio");

        var completed = running.Complete(["probe", "audio"], T0);

        Assert.Equal(VideoStatus.Completed, completed.Status);
        Assert.True(completed.IsTerminal);
    }

    [Fact]
    public void Reopening_a_completed_video_makes_it_pending_and_keeps_its_checkpoints()
    {
        var completed = WithStage(NewState().BeginRun(T0), "probe").Complete(["probe"], T0);

        var reopened = completed.Reopen(T0);

        Assert.Equal(VideoStatus.Pending, reopened.Status);
        Assert.Contains("probe", reopened.Checkpoints.Keys);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reopening_a_video_that_is_not_completed_throws(bool running)
    {
        var state = running ? NewState().BeginRun(T0) : NewState();

        Assert.Throws<IllegalTransitionException>(() => state.Reopen(T0));
    }

    [Fact]
    public void Discarding_checkpoints_removes_only_the_named_stages()
    {
        var state = WithStage(WithStage(WithStage(NewState().BeginRun(T0), "a"), "b"), "c");

        var trimmed = state.DiscardCheckpoints(["b", "c"], T0);

        Assert.Equal(["a"], trimmed.Checkpoints.Keys);
    }

    [Fact]
    public void ResultOf_round_trips_a_typed_result_through_the_checkpoint_json()
    {
        var result = new SampleResult("talk", 42, 12.5, Flag: true);
        var state = NewState().BeginRun(T0).EnterStage("probe", T0)
            .CompleteStage("probe", 1, Json(result), TimeSpan.Zero, T0);

        Assert.Equal(result, state.ResultOf<SampleResult>("probe"));
        Assert.Null(state.ResultOf<SampleResult>("audio"));
    }

    [Fact]
    public void A_checkpoint_does_not_depend_on_the_json_document_it_was_made_from()
    {
        VideoState state;
        using (var document = JsonDocument.Parse("""{"name":"kept","count":7,"seconds":1,"flag":false}"""))
        {
            state = NewState().BeginRun(T0).EnterStage("probe", T0)
                .CompleteStage("probe", 1, document.RootElement, TimeSpan.Zero, T0);
        }

        Assert.Equal(new SampleResult("kept", 7, 1, Flag: false), state.ResultOf<SampleResult>("probe"));
    }
}
