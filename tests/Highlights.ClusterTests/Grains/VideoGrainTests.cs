using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Actor;
using Highlights.Grains.State;

namespace Highlights.ClusterTests.Grains;

/// <summary>The video grain in a real Orleans cluster of two silos (TestingHost), over scripted stages.</summary>
public sealed class VideoGrainTests
{
    [Fact]
    public async Task A_status_call_answers_while_a_stage_runs_and_the_video_completes_each_stage_once()
    {
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = new ScriptedStage("slow", async ct =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
        });
        await using var cluster = await GrainCluster.StartAsync([new ScriptedStage("first"), slow, new ScriptedStage("last")]);

        await cluster.SubmitAsync("v1");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var during = await cluster.Video("v1").GetAsync().WaitAsync(TimeSpan.FromSeconds(2));
        release.SetResult();
        var done = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Completed);

        Assert.Equal((VideoStatus.Running, "slow", true), (during!.State.Status, during.State.CurrentStage, during.Active));
        Assert.All(cluster.Stages.Names, stage => Assert.Equal(new StageTally(1, 1), done.State.Tallies[stage]));
        Assert.Equal(1, done.State.Attempts);
        Assert.Equal(JsonValueKind.Null, done.State.Checkpoints["slow"].Result.ValueKind);
        Assert.Equal("""{"stage":"slow"}""", await cluster.Video("v1").ResultAsync("slow"));
    }

    [Fact]
    public async Task A_failing_video_is_tried_again_after_a_growing_backoff_then_ends_failed_with_its_error()
    {
        var failing = new ScriptedStage("failing", _ => throw new InvalidOperationException("tool crashed"));
        await using var cluster = await GrainCluster.StartAsync([failing], settings: new Dictionary<string, string?> { ["Cluster:MaxAttempts"] = "3" });

        await cluster.SubmitAsync("v1");
        var retrying = await cluster.UntilAsync("v1", v => v.State.NextAttemptAt is not null);
        var failed = await cluster.UntilAsync("v1", v => v.State is { Status: VideoStatus.Failed, NextAttemptAt: null, Attempts: 3 });
        await Task.Delay(1500);

        Assert.True(retrying.State.IsQueued());
        Assert.Equal("tool crashed", failed.State.Failure?.Message);
        Assert.Equal(FailureKind.Error, failed.State.Failure?.Kind);
        Assert.False(failed.State.IsQueued());
        Assert.Equal(3, failing.Calls);
    }

    [Fact]
    public async Task A_cancel_stops_the_running_stage_and_a_retry_resumes_after_the_finished_stages()
    {
        var blocked = new TaskCompletionSource();
        var first = new ScriptedStage("first");
        var second = new ScriptedStage("second", ScriptedStage.BlockUntilCancelled(blocked));
        await using var cluster = await GrainCluster.StartAsync([first, second]);

        await cluster.SubmitAsync("v1");
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var cancel = await cluster.Video("v1").CancelAsync();
        var cancelled = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Cancelled && !v.Active);
        second.Body = null;
        var retry = await cluster.Video("v1").RetryAsync();
        var done = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Completed);

        Assert.Equal(ControlAction.Request, cancel.Action);
        Assert.Equal(FailureKind.Cancelled, cancelled.State.Failure?.Kind);
        Assert.Equal(ControlAction.Apply, retry.Action);
        Assert.Equal((1, 2), (first.Calls, second.Calls));
        Assert.Equal(new StageTally(2, 1), done.State.Tallies["second"]);
        Assert.Equal(ControlAction.Refused, (await cluster.Video("v1").CancelAsync()).Action);
    }

    [Fact]
    public async Task A_silo_that_shuts_down_hands_its_running_video_to_another_without_using_a_try()
    {
        var blocked = new TaskCompletionSource();
        var work = new ScriptedStage("work", ScriptedStage.BlockUntilCancelled(blocked));
        await using var cluster = await GrainCluster.StartAsync([new ScriptedStage("first"), work]);

        var submitted = await cluster.SubmitAsync("v1");
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        work.Body = null;
        var host = cluster.Cluster.Silos.Single(s => submitted.Silo.Contains($":{s.SiloAddress.Endpoint.Port}:", StringComparison.Ordinal));
        await cluster.Cluster.StopSiloAsync(host);
        var done = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Completed);

        Assert.DoesNotContain($":{host.SiloAddress.Endpoint.Port}:", done.Silo, StringComparison.Ordinal);
        Assert.Equal(1, done.State.Attempts);
        Assert.Equal(new StageTally(2, 1), done.State.Tallies["work"]);
        Assert.Equal(new StageTally(1, 1), done.State.Tallies["first"]);
    }

    [Fact]
    public async Task A_video_whose_silos_keep_dying_mid_run_ends_failed_instead_of_taking_down_another()
    {
        var blocked = new TaskCompletionSource();
        await using var cluster = await GrainCluster.StartAsync(
            [new ScriptedStage("deadly", async _ =>
            {
                blocked.TrySetResult();
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
            })],
            settings: new Dictionary<string, string?> { ["Cluster:MaxAttempts"] = "1" });

        var submitted = await cluster.SubmitAsync("v1");
        await blocked.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => submitted.Silo.Contains($":{s.SiloAddress.Endpoint.Port}:", StringComparison.Ordinal)));
        var failed = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Failed, TimeSpan.FromSeconds(60));

        Assert.Contains("gave up after 1 runs", failed.State.Failure?.Message, StringComparison.Ordinal);
        Assert.Contains("stage deadly", failed.State.Failure?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_stopped_at_its_budget_is_kept_as_such_and_not_run_again_until_retried()
    {
        var paid = new ScriptedStage("paid", _ => throw new BudgetExceededException(BudgetExceededException.VideoScope, "the next call would pass the video's $0.01"));
        await using var cluster = await GrainCluster.StartAsync([paid]);

        await cluster.SubmitAsync("v1");
        var stopped = await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.BudgetExceeded);
        await Task.Delay(1500);
        var callsBeforeRetry = paid.Calls;
        paid.Body = null;
        await cluster.Video("v1").RetryAsync();
        await cluster.UntilAsync("v1", v => v.State.Status == VideoStatus.Completed);

        Assert.Equal(FailureKind.BudgetExceeded, stopped.State.Failure?.Kind);
        Assert.False(stopped.State.IsQueued());
        Assert.Equal((1, 2), (callsBeforeRetry, paid.Calls));
    }

    [Fact]
    public async Task An_activation_whose_state_another_owner_wrote_stops_without_writing_over_it()
    {
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var next = new ScriptedStage("next");
        await using var cluster = await GrainCluster.StartAsync([new ScriptedStage("slow", async ct =>
        {
            started.TrySetResult();
            await release.Task.WaitAsync(ct);
        }), next]);

        // Run as the CLI runs a video (no reminder), so nothing wakes the stopped activation again.
        await cluster.Video("v1").RunAsync(new VideoRunRequest(new VideoIdentity("v1", new VideoSource("/media/v1.mp4", 100, "v1"), new ProcessingOptions())));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var path = Path.Combine(cluster.StateDirectory, "v1", FileGrainStorage.StateFileName);
        var theirs = JsonSerializer.Deserialize<VideoState>(await File.ReadAllBytesAsync(path), StateJson.Options)! with { Attempts = 99 };
        await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(theirs, StateJson.Options));
        release.SetResult();
        await Task.Delay(1000);

        var stored = JsonSerializer.Deserialize<VideoState>(await File.ReadAllBytesAsync(path), StateJson.Options)!;
        Assert.Equal(99, stored.Attempts);
        Assert.Null(stored.Failure);
        Assert.Equal(0, next.Calls);
    }
}
