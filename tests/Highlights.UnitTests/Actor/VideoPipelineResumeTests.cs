using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.UnitTests.Actor;

public sealed class VideoPipelineResumeTests : IDisposable
{
    private readonly GrainHarness harness = new("probe", "audio", "energy", "select");

    public void Dispose() => harness.Dispose();

    private async Task RunToCompletionAsync()
    {
        var grain = await harness.ActivateAsync();
        await grain.RunAsync(null, CancellationToken.None);
        harness.Log.Clear();
    }

    [Fact]
    public async Task Running_a_completed_video_again_takes_every_stage_from_its_checkpoint()
    {
        await RunToCompletionAsync();
        var revision = (await harness.StoredAsync())?.Revision;
        var grain = await harness.ActivateAsync();

        var runs = await grain.RunAsync(null, CancellationToken.None);

        Assert.Empty(harness.Log);
        Assert.All(harness.Stages, s => Assert.Equal(1, s.Calls));
        Assert.All(runs, r => Assert.True(r.FromCheckpoint));
        Assert.Equal(["probe", "audio", "energy", "select"], runs.Select(r => r.Stage));
        Assert.Equal(revision, (await harness.StoredAsync())?.Revision);
    }

    [Fact]
    public async Task A_skipped_run_reports_each_stage_as_skipped_with_its_checkpoint_duration()
    {
        await RunToCompletionAsync();
        var stored = await harness.StoredAsync();
        var recorder = new EventRecorder();
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(recorder, CancellationToken.None);

        Assert.Equal(["Skipped:probe", "Skipped:audio", "Skipped:energy", "Skipped:select"], recorder.Trace());
        var skippedAudio = Assert.IsType<PipelineEvent.Skipped>(recorder.Events[1]);
        Assert.Equal(stored!.Checkpoints["audio"].DurationSeconds, skippedAudio.CheckpointSeconds);
    }

    [Fact]
    public async Task A_run_after_a_failure_resumes_at_the_failed_stage()
    {
        harness["energy"].Failure = new InvalidOperationException("transient");
        var first = await harness.ActivateAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => first.RunAsync(null, CancellationToken.None));
        harness["energy"].Failure = null;
        harness.Log.Clear();
        var recorder = new EventRecorder();
        var second = await harness.ActivateAsync();

        var runs = await second.RunAsync(recorder, CancellationToken.None);

        Assert.Equal(["energy", "select"], harness.Log);
        Assert.Equal(1, harness["probe"].Calls);
        Assert.Equal(1, harness["audio"].Calls);
        Assert.Equal([true, true, false, false], runs.Select(r => r.FromCheckpoint));
        Assert.Equal(
            ["Skipped:probe", "Skipped:audio", "Started:energy", "Completed:energy", "Started:select", "Completed:select"],
            recorder.Trace());
        Assert.Equal(VideoStatus.Completed, second.State.Status);
        Assert.Null(second.State.Failure);
        Assert.Equal(2, second.State.Attempts);
    }

    [Fact]
    public async Task A_run_after_a_cancellation_resumes_at_the_cancelled_stage()
    {
        using (var cts = new CancellationTokenSource())
        {
            harness["audio"].During = async (_, ct) =>
            {
                await cts.CancelAsync();
                ct.ThrowIfCancellationRequested();
            };
            var first = await harness.ActivateAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync(null, cts.Token));
        }

        harness["audio"].During = null;
        harness.Log.Clear();
        var second = await harness.ActivateAsync();

        await second.RunAsync(null, CancellationToken.None);

        Assert.Equal(["audio", "energy", "select"], harness.Log);
        Assert.Equal(VideoStatus.Completed, second.State.Status);
    }

    [Fact]
    public async Task A_bumped_result_version_reruns_that_stage_and_every_later_one_but_not_earlier_ones()
    {
        await RunToCompletionAsync();
        harness["audio"].ResultVersion = 2;
        var grain = await harness.ActivateAsync();

        var runs = await grain.RunAsync(null, CancellationToken.None);

        Assert.Equal(["audio", "energy", "select"], harness.Log);
        Assert.Equal(1, harness["probe"].Calls);
        Assert.Equal([true, false, false, false], runs.Select(r => r.FromCheckpoint));
        Assert.Equal(VideoStatus.Completed, grain.State.Status);
        Assert.Equal(2, grain.State.Checkpoints["audio"].ResultVersion);
        Assert.Equal(new StageOutput("select", 2), grain.State.ResultOf<StageOutput>("select"));
    }

    [Fact]
    public async Task A_rerun_stage_sees_no_stale_checkpoints_of_itself_or_later_stages()
    {
        await RunToCompletionAsync();
        harness["audio"].ResultVersion = 2;
        IReadOnlyList<string>? seen = null;
        harness["audio"].During = (context, _) =>
        {
            seen = [.. context.State.Checkpoints.Keys.Order()];
            return Task.CompletedTask;
        };
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(null, CancellationToken.None);

        Assert.Equal(["probe"], seen);
    }

    [Fact]
    public async Task A_bumped_version_of_the_last_stage_reruns_only_that_stage()
    {
        await RunToCompletionAsync();
        harness["select"].ResultVersion = 5;
        var grain = await harness.ActivateAsync();

        await grain.RunAsync(null, CancellationToken.None);

        Assert.Equal(["select"], harness.Log);
        Assert.Equal(5, (await harness.StoredAsync())?.Checkpoints["select"].ResultVersion);
    }

    [Fact]
    public async Task A_run_removes_temp_files_a_killed_writer_left_in_the_work_directory()
    {
        var grain = await harness.ActivateAsync();
        Directory.CreateDirectory(grain.WorkDirectory);
        var leftover = AtomicFile.TempPathBeside(Path.Combine(grain.WorkDirectory, "highlights.mp4"));
        await File.WriteAllTextAsync(leftover, "half a render");
        var finished = Path.Combine(grain.WorkDirectory, "audio.f32");
        await File.WriteAllTextAsync(finished, "a finished stage's file");

        await grain.RunAsync(null, CancellationToken.None);

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(finished));
    }
}
