using System.Net;
using System.Net.Sockets;
using Highlights.ClusterTests.Fixtures;
using Highlights.Silo.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.ClusterTests.Metrics;

/// <summary>The queue gauges' readings from a real <c>videos</c> table, with time moved by hand.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueueObserverTests(PostgresServer server)
{
    [Fact]
    public async Task Counts_videos_by_state_and_the_ones_due_that_no_live_lease_holds()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync(sha: "a");
        cluster.Time.Advance(TimeSpan.FromSeconds(10));
        await cluster.SubmitAsync(sha: "b");
        await cluster.SubmitAsync(sha: "c");
        var silo = cluster.Silo("a");
        await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None);
        cluster.Time.Advance(TimeSpan.FromSeconds(5));
        var observer = Observer(cluster);

        await observer.RefreshAsync(CancellationToken.None);

        var queue = observer.Current!;
        Assert.Equal(3, queue.VideosByState["pending"]);
        Assert.Equal(0, queue.VideosByState["failed"]);
        Assert.Equal(2, queue.Depth);
        Assert.Equal(TimeSpan.FromSeconds(5), queue.OldestQueuedAge);
    }

    [Fact]
    public async Task A_video_whose_lease_ran_out_is_waiting_again()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync();
        var silo = cluster.Silo("a");
        await silo.Queue.ClaimAsync(silo.Id, CancellationToken.None);
        cluster.Time.Advance(cluster.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        var observer = Observer(cluster);

        await observer.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, observer.Current!.Depth);
    }

    [Fact]
    public async Task Scrapes_reuse_the_queue_reading_for_its_refresh_time_and_the_state_counts_for_theirs()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync(sha: "a");
        var options = new MetricsOptions();
        var observer = Observer(cluster, options);
        await observer.RefreshAsync(CancellationToken.None);

        await cluster.SubmitAsync(sha: "b");
        cluster.Time.Advance(options.QueueRefresh - TimeSpan.FromSeconds(1));
        await observer.RefreshAsync(CancellationToken.None);
        var cached = observer.Current!.Depth;
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        await observer.RefreshAsync(CancellationToken.None);
        var (depth, pending) = (observer.Current!.Depth, observer.Current.VideosByState["pending"]);
        cluster.Time.Advance(options.StateCountsRefresh);
        await observer.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, cached);
        Assert.Equal((2L, 1L), (depth, pending));
        Assert.Equal(2, observer.Current!.VideosByState["pending"]);
    }

    [Fact]
    public async Task An_unreachable_database_leaves_the_queue_unknown_instead_of_failing_the_scrape()
    {
        await using var unreachable = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={ClosedPort()};Username=nobody;Timeout=2");
        var observer = new PostgresQueueObserver(unreachable, Options.Create(new MetricsOptions()), new ManualTimeProvider(), NullLogger<PostgresQueueObserver>.Instance);

        await observer.RefreshAsync(CancellationToken.None);

        Assert.Null(observer.Current);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static PostgresQueueObserver Observer(ClusterHarness cluster, MetricsOptions? options = null) =>
        new(cluster.Db, Options.Create(options ?? new MetricsOptions()), cluster.Time, NullLogger<PostgresQueueObserver>.Instance);
}
