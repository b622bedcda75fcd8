using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;

namespace Highlights.ClusterTests.Leases;

/// <summary>What a silo does with a claimed video when it fails, is cancelled, keeps killing its owners, or the silo stops.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VideoRunnerTests(PostgresServer server)
{
    private static readonly ClusterOptions Retrying = new()
    {
        MaxAttempts = 3,
        RetryBackoff = TimeSpan.FromSeconds(10),
        RetryBackoffMax = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public async Task A_failing_video_is_retried_after_a_growing_backoff_then_ends_failed_with_its_error()
    {
        var stage = new ScriptedStage("one", _ => throw new InvalidOperationException("encoder exploded"));
        await using var cluster = await ClusterHarness.CreateAsync(server, [stage], Retrying);
        var id = await cluster.SubmitAsync();
        var silo = cluster.Silo("a");

        await RunNextAsync(silo);
        Assert.Null(await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None));
        cluster.Time.Advance(TimeSpan.FromSeconds(10));
        await RunNextAsync(silo);
        cluster.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None));
        cluster.Time.Advance(TimeSpan.FromSeconds(10));
        await RunNextAsync(silo);
        cluster.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None));
        var video = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Failed, video.State.Status);
        Assert.False(video.Queued);
        Assert.Equal(3, stage.Calls);
        Assert.Equal(3, video.State.Attempts);
        Assert.Contains("encoder exploded", video.State.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_whose_owners_keep_dying_ends_failed_instead_of_taking_down_more_silos()
    {
        var stage = new ScriptedStage("one");
        await using var cluster = await ClusterHarness.CreateAsync(server, [stage], Retrying);
        var id = await cluster.SubmitAsync();
        var silo = cluster.Silo("a");
        for (var death = 0; death < Retrying.MaxAttempts; death++)
        {
            // An owner that enters the stage and vanishes (kill -9, out of memory) without a word.
            var store = new LeasedVideoStateStore(cluster.Db, (await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None))!);
            var state = (await store.LoadAsync(id, CancellationToken.None))!;
            await store.SaveAsync(state.BeginRun(cluster.Time.GetUtcNow()).EnterStage("one", cluster.Time.GetUtcNow()), CancellationToken.None);
            cluster.Time.Advance(Retrying.LeaseDuration + TimeSpan.FromSeconds(1));
        }

        await RunNextAsync(silo);

        var video = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Failed, video.State.Status);
        Assert.False(video.Queued);
        Assert.Contains("gave up after 3 runs", video.State.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(0, stage.Calls);
    }

    [Fact]
    public async Task A_cancel_stops_the_running_stage_at_the_next_heartbeat_and_retry_resumes_it()
    {
        var started = new TaskCompletionSource();
        var first = new ScriptedStage("first");
        var slow = new ScriptedStage("slow", ScriptedStage.BlockUntilCancelled(started));
        await using var cluster = await ClusterHarness.CreateAsync(server, [first, slow]);
        var id = await cluster.SubmitAsync();
        var silo = cluster.Silo("a");

        var run = silo.Runner.RunAsync((await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None))!, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (action, _) = await cluster.Catalog.CancelAsync("acme", id, CancellationToken.None);
        Assert.Equal(ControlAction.Request, action);
        await silo.Keeper.RenewOnceAsync(CancellationToken.None);
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var cancelled = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Cancelled, cancelled.State.Status);
        Assert.False(cancelled.Queued);
        Assert.Null(cancelled.LeaseOwner);
        Assert.Equal(["first"], cancelled.CompletedStages.Select(s => s.Stage));

        slow.Body = null;
        var (retry, _) = await cluster.Catalog.RetryAsync("acme", id, CancellationToken.None);
        Assert.Equal(ControlAction.Apply, retry);
        await RunNextAsync(silo);

        var done = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Completed, done.State.Status);
        Assert.Equal(1, first.Calls);
        Assert.Equal(2, slow.Calls);
    }

    [Fact]
    public async Task A_video_cancelled_while_stuck_in_a_stage_that_then_fails_otherwise_ends_cancelled_and_is_not_retried()
    {
        var started = new TaskCompletionSource();
        // Stuck in a call that ignores the token until its process is killed, then failing with the process's error.
        var stuck = new ScriptedStage("stuck", async ct =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new InvalidOperationException("ffmpeg exited with code 255 (killed)");
        });
        await using var cluster = await ClusterHarness.CreateAsync(server, [stuck], Retrying);
        var id = await cluster.SubmitAsync();
        var silo = cluster.Silo("a");

        var run = silo.Runner.RunAsync((await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None))!, CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ControlAction.Request, (await cluster.Catalog.CancelAsync("acme", id, CancellationToken.None)).Action);
        await silo.Keeper.RenewOnceAsync(CancellationToken.None);
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        cluster.Time.Advance(TimeSpan.FromHours(1));

        var video = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Cancelled, video.State.Status);
        Assert.Equal(FailureKind.Cancelled, video.State.Failure!.Kind);
        Assert.False(video.Queued);
        Assert.Null(await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None));
        Assert.Equal(1, stuck.Calls);
    }

    [Fact]
    public async Task A_silo_that_shuts_down_hands_its_video_back_without_using_up_a_try()
    {
        var started = new TaskCompletionSource();
        var slow = new ScriptedStage("slow", ScriptedStage.BlockUntilCancelled(started));
        await using var cluster = await ClusterHarness.CreateAsync(server, [slow]);
        var id = await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");
        using var shutdown = new CancellationTokenSource();

        var run = a.Runner.RunAsync((await a.Queue.ClaimAsync(a.Id, CancellationToken.None))!, shutdown.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await shutdown.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(30));

        var handedBack = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Pending, handedBack.State.Status);
        Assert.True(handedBack.Queued);
        Assert.Equal(0, handedBack.Tries);
        var next = await b.Queue.ClaimAsync(b.Id, CancellationToken.None);
        Assert.Equal(id, next?.VideoId);
    }

    [Fact]
    public async Task A_video_stopped_at_its_budget_is_kept_as_budget_exceeded_and_not_run_again_until_retried()
    {
        var stage = new ScriptedStage("one", _ => throw new BudgetExceededException(BudgetExceededException.VideoScope, "video budget of $0.01 reached"));
        await using var cluster = await ClusterHarness.CreateAsync(server, [stage], Retrying);
        var id = await cluster.SubmitAsync();
        var silo = cluster.Silo("a");

        await RunNextAsync(silo);
        cluster.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None));
        var video = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal((VideoStatus.BudgetExceeded, false, 1), (video.State.Status, video.Queued, stage.Calls));
        Assert.Contains("budget of $0.01", video.State.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(ControlAction.Apply, (await cluster.Catalog.RetryAsync("acme", id, CancellationToken.None)).Action);
    }

    private static async Task RunNextAsync(SiloParts silo)
    {
        var lease = await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None);
        Assert.NotNull(lease);
        await silo.Runner.RunAsync(lease, CancellationToken.None);
    }
}
