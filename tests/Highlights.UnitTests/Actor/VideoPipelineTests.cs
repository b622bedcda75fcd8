using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

public sealed class VideoPipelineTests : IDisposable
{
    private readonly GrainHarness harness = new("probe", "audio", "select");

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_first_run_executes_every_stage_in_order_and_completes()
    {
        var grain = await harness.ActivateAsync();

        var runs = await grain.RunAsync(null, CancellationToken.None);

        Assert.Equal(["probe", "audio", "select"], harness.Log);
        Assert.Equal(["probe", "audio", "select"], runs.Select(r => r.Stage));
        Assert.All(runs, r => Assert.False(r.FromCheckpoint));
        Assert.Equal(VideoStatus.Completed, grain.State.Status);
    }

    [Fact]
    public async Task Every_stage_result_is_checkpointed_in_the_store()
    {
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(null, CancellationToken.None);
        var stored = await harness.StoredAsync();

        Assert.NotNull(stored);
        Assert.Equal(VideoStatus.Completed, stored.Status);
        Assert.Equal(new StageOutput("audio", 1), stored.ResultOf<StageOutput>("audio"));
        Assert.Equal(["audio", "probe", "select"], stored.Checkpoints.Keys.Order());
        Assert.Equal(grain.State.Revision, stored.Revision);
    }

    [Fact]
    public async Task A_stage_sees_the_checkpoints_of_the_stages_before_it_and_not_its_own()
    {
        StageOutput? seenProbe = null;
        var ownSeen = true;
        harness["audio"].During = (context, _) =>
        {
            seenProbe = context.ResultOf<StageOutput>("probe");
            ownSeen = context.State.Checkpoints.ContainsKey("audio");
            return Task.CompletedTask;
        };
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(null, CancellationToken.None);

        Assert.Equal(new StageOutput("probe", 1), seenProbe);
        Assert.False(ownSeen);
    }

    [Fact]
    public async Task While_a_stage_runs_the_store_records_it_as_the_current_stage()
    {
        VideoState? duringAudio = null;
        harness["audio"].During = async (_, ct) => duringAudio = await harness.Store.LoadAsync(GrainHarness.VideoId, ct);
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(null, CancellationToken.None);

        Assert.NotNull(duringAudio);
        Assert.Equal(VideoStatus.Running, duringAudio.Status);
        Assert.Equal("audio", duringAudio.CurrentStage);
        Assert.Equal(["probe"], duringAudio.Checkpoints.Keys);
    }

    [Fact]
    public async Task A_failing_stage_records_the_failure_with_stage_and_message_and_keeps_earlier_checkpoints()
    {
        harness["audio"].Failure = new InvalidOperationException("ffmpeg exited with code 1: boom");
        var grain = await harness.ActivateAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RunAsync(null, CancellationToken.None));
        var stored = await harness.StoredAsync();

        Assert.Equal("ffmpeg exited with code 1: boom", error.Message);
        Assert.NotNull(stored);
        Assert.Equal(VideoStatus.Failed, stored.Status);
        Assert.Equal("audio", stored.Failure?.Stage);
        Assert.Equal(FailureKind.Error, stored.Failure?.Kind);
        Assert.Equal("ffmpeg exited with code 1: boom", stored.Failure?.Message);
        Assert.Equal(["probe"], stored.Checkpoints.Keys);
        Assert.Equal(0, harness["select"].Calls);
    }

    [Fact]
    public async Task An_input_rejection_is_recorded_as_input_rejected()
    {
        harness["probe"].Failure = new InputRejectedException("/media/in.mp4: no video stream (audio only)");
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<InputRejectedException>(() => grain.RunAsync(null, CancellationToken.None));

        Assert.Equal(VideoStatus.Failed, grain.State.Status);
        Assert.Equal(FailureKind.InputRejected, grain.State.Failure?.Kind);
        Assert.Equal("/media/in.mp4: no video stream (audio only)", grain.State.Failure?.Message);
    }

    [Fact]
    public async Task Cancelling_during_a_stage_records_cancelled_and_rethrows()
    {
        using var cts = new CancellationTokenSource();
        harness["audio"].During = async (_, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
        };
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.RunAsync(null, cts.Token));
        var stored = await harness.StoredAsync();

        Assert.Equal(VideoStatus.Cancelled, stored?.Status);
        Assert.Equal(FailureKind.Cancelled, stored?.Failure?.Kind);
        Assert.Equal("audio", stored?.Failure?.Stage);
        Assert.Equal(["probe"], stored?.Checkpoints.Keys);
    }

    [Fact]
    public async Task Cancelling_between_two_stages_records_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var observer = new CancelOn<PipelineEvent.Completed>(cts, e => e.Stage == "probe");
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.RunAsync(observer, cts.Token));
        var stored = await harness.StoredAsync();

        Assert.Equal(0, harness["audio"].Calls);
        Assert.Equal(VideoStatus.Cancelled, stored?.Status);
        Assert.Equal(FailureKind.Cancelled, stored?.Failure?.Kind);
    }

    [Fact]
    public async Task Cancelling_after_the_last_stage_leaves_the_video_completed_or_cancelled_but_not_running()
    {
        using var cts = new CancellationTokenSource();
        var observer = new CancelOn<PipelineEvent.Completed>(cts, e => e.Stage == "select");
        var grain = await harness.ActivateAsync();

        try
        {
            await grain.RunAsync(observer, cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Either outcome is fine, as long as the stored state says which.
        }

        Assert.Contains((await harness.StoredAsync())?.Status, new VideoStatus?[] { VideoStatus.Completed, VideoStatus.Cancelled });
    }

    [Fact]
    public async Task An_operation_cancelled_without_the_run_being_cancelled_is_an_error()
    {
        harness["audio"].Failure = new OperationCanceledException("HTTP request timed out");
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => grain.RunAsync(null, CancellationToken.None));

        Assert.Equal(VideoStatus.Failed, grain.State.Status);
        Assert.Equal(FailureKind.Error, grain.State.Failure?.Kind);
    }

    [Fact]
    public async Task A_state_conflict_stops_the_run_without_recording_a_failure_over_the_other_owner()
    {
        harness["audio"].During = async (_, ct) =>
        {
            // Another owner takes over the video and writes its own state.
            var theirs = await harness.Store.LoadAsync(GrainHarness.VideoId, ct);
            await harness.Store.SaveAsync(theirs! with { Attempts = 99 }, ct);
        };
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<StateConflictException>(() => grain.RunAsync(null, CancellationToken.None));
        var stored = await harness.StoredAsync();

        Assert.Equal(99, stored?.Attempts);
        Assert.Null(stored?.Failure);
        Assert.Equal(0, harness["select"].Calls);
    }

    [Fact]
    public async Task Events_report_each_stage_starting_and_completing_in_order()
    {
        var recorder = new EventRecorder();
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(recorder, CancellationToken.None);

        Assert.Equal(
            ["Started:probe", "Completed:probe", "Started:audio", "Completed:audio", "Started:select", "Completed:select"],
            recorder.Trace());
    }

    [Fact]
    public async Task Progress_reported_by_a_stage_arrives_between_its_start_and_completion()
    {
        harness["audio"].During = (context, _) =>
        {
            context.ReportProgress(0.25, "decoding");
            return Task.CompletedTask;
        };
        var recorder = new EventRecorder();
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(recorder, CancellationToken.None);

        var progressed = Assert.Single(recorder.Events.OfType<PipelineEvent.Progressed>());
        Assert.Equal(new PipelineEvent.Progressed("audio", 0.25, "decoding"), progressed);
        var index = recorder.Events.IndexOf(progressed);
        Assert.IsType<PipelineEvent.Started>(recorder.Events[index - 1]);
        Assert.IsType<PipelineEvent.Completed>(recorder.Events[index + 1]);
    }

    [Fact]
    public async Task A_failing_stage_emits_a_failed_event_after_its_start()
    {
        harness["audio"].Failure = new InvalidOperationException("boom");
        var recorder = new EventRecorder();
        var grain = await harness.ActivateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.RunAsync(recorder, CancellationToken.None));

        Assert.Equal(["Started:probe", "Completed:probe", "Started:audio", "Failed:audio"], recorder.Trace());
        Assert.Equal("boom", Assert.IsType<PipelineEvent.Failed>(recorder.Events[^1]).Message);
    }
}
