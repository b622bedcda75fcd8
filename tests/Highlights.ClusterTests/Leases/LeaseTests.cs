using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;

namespace Highlights.ClusterTests.Leases;

/// <summary>Claims, lease expiry and renewal on a real database, with time moved by hand instead of waited for.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LeaseTests(PostgresServer server)
{
    [Fact]
    public async Task A_claimed_video_is_not_claimed_again_until_its_lease_expires()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        var id = await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");

        var first = await a.Queue.ClaimAsync(a.Id, CancellationToken.None);
        Assert.Equal(id, first?.VideoId);
        Assert.Null(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));
        cluster.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));

        cluster.Time.Advance(TimeSpan.FromSeconds(2));
        var second = await b.Queue.ClaimAsync(b.Id, CancellationToken.None);

        Assert.Equal(id, second?.VideoId);
        Assert.NotEqual(first!.Token, second!.Token);
        Assert.Equal(2, second.Tries);
    }

    [Fact]
    public async Task Renewal_keeps_a_working_silos_lease_alive()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");
        await a.Registry.RegisterAsync(1, CancellationToken.None);
        using var video = new ActiveVideo((await a.Queue.ClaimAsync(a.Id, CancellationToken.None))!, CancellationToken.None);
        a.Active.Add(video);

        cluster.Time.Advance(TimeSpan.FromSeconds(20));
        await a.Keeper.RenewOnceAsync(CancellationToken.None);
        cluster.Time.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));
        Assert.False(video.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_stale_owners_write_is_rejected_once_another_silo_holds_the_video()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        var id = await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");
        var staleLease = (await a.Queue.ClaimAsync(a.Id, CancellationToken.None))!;
        var stale = new LeasedVideoStateStore(cluster.Db, staleLease);
        var running = await stale.SaveAsync((await stale.LoadAsync(id, CancellationToken.None))!.BeginRun(cluster.Time.GetUtcNow()), CancellationToken.None);

        cluster.Time.Advance(TimeSpan.FromSeconds(31));
        var fresh = new LeasedVideoStateStore(cluster.Db, (await b.Queue.ClaimAsync(b.Id, CancellationToken.None))!);
        var current = (await fresh.LoadAsync(id, CancellationToken.None))!;
        await fresh.SaveAsync(current.BeginRun(cluster.Time.GetUtcNow()).EnterStage("one", cluster.Time.GetUtcNow()), CancellationToken.None);

        // Behind on the revision, and even when up to date: the token no longer matches.
        await Assert.ThrowsAsync<StateConflictException>(() => stale.SaveAsync(running.EnterStage("one", cluster.Time.GetUtcNow()), CancellationToken.None));
        var upToDate = new LeasedVideoStateStore(cluster.Db, staleLease);
        var latest = (await upToDate.LoadAsync(id, CancellationToken.None))!;
        await Assert.ThrowsAsync<StateConflictException>(() => upToDate.SaveAsync(latest.Fail(FailureKind.Error, "stale", cluster.Time.GetUtcNow()), CancellationToken.None));

        var stored = (await cluster.Catalog.GetAsync("acme", id, CancellationToken.None))!;
        Assert.Equal(VideoStatus.Running, stored.State.Status);
        Assert.Equal(b.Id, stored.LeaseOwner);
        Assert.Equal(1L, await cluster.ScalarAsync<long>("select count(*) from stage_runs where silo_id = @silo", ("silo", b.Id)));
    }

    [Fact]
    public async Task A_silo_stops_work_at_once_when_its_lease_was_taken_over()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");
        using var video = new ActiveVideo((await a.Queue.ClaimAsync(a.Id, CancellationToken.None))!, CancellationToken.None);
        a.Active.Add(video);

        cluster.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));
        await a.Keeper.RenewOnceAsync(CancellationToken.None);

        Assert.True(video.Token.IsCancellationRequested);
        Assert.Equal(StopReason.LeaseLost, video.Reason);
    }
}
