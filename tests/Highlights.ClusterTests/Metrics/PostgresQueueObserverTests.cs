using System.Net;
using System.Net.Sockets;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.State;
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
    public async Task Counts_videos_by_state_and_the_ones_due_that_no_silo_runs_yet()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var a = await cluster.IndexAsync(sha: "a", time: time);
        time.Advance(TimeSpan.FromSeconds(10));
        await cluster.IndexAsync(sha: "b", time: time);
        await cluster.IndexAsync(sha: "c", time: time);
        await RecordAsync(cluster, a, s => s.BeginRun(time.GetUtcNow()), queued: false, time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(5));
        var observer = Observer(cluster, time);

        await observer.RefreshAsync(CancellationToken.None);

        var queue = observer.Current!;
        Assert.Equal(2, queue.VideosByState["pending"]);
        Assert.Equal(1, queue.VideosByState["running"]);
        Assert.Equal(0, queue.VideosByState["failed"]);
        Assert.Equal(2, queue.Depth);
        Assert.Equal(TimeSpan.FromSeconds(5), queue.OldestQueuedAge);
    }

    [Fact]
    public async Task A_failed_video_waits_again_once_its_retry_is_due()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var id = await cluster.IndexAsync(time: time);
        var retryAt = time.GetUtcNow().AddSeconds(30);
        await RecordAsync(
            cluster, id, s => s.BeginRun(time.GetUtcNow()).Fail(FailureKind.Error, "boom", time.GetUtcNow()).RetryAt(retryAt, time.GetUtcNow()), queued: true, retryAt);
        var observer = Observer(cluster, time, new MetricsOptions { QueueRefresh = TimeSpan.FromSeconds(1) });

        await observer.RefreshAsync(CancellationToken.None);
        var before = observer.Current!.Depth;
        time.Advance(TimeSpan.FromSeconds(31));
        await observer.RefreshAsync(CancellationToken.None);

        Assert.Equal((0L, 1L), (before, observer.Current!.Depth));
        Assert.Equal(1, observer.Current.VideosByState["failed"]);
    }

    [Fact]
    public async Task Scrapes_reuse_the_queue_reading_for_its_refresh_time_and_the_state_counts_for_theirs()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        await cluster.IndexAsync(sha: "a", time: time);
        var options = new MetricsOptions();
        var observer = Observer(cluster, time, options);
        await observer.RefreshAsync(CancellationToken.None);

        await cluster.IndexAsync(sha: "b", time: time);
        time.Advance(options.QueueRefresh - TimeSpan.FromSeconds(1));
        await observer.RefreshAsync(CancellationToken.None);
        var cached = observer.Current!.Depth;
        time.Advance(TimeSpan.FromSeconds(1));
        await observer.RefreshAsync(CancellationToken.None);
        var (depth, pending) = (observer.Current!.Depth, observer.Current.VideosByState["pending"]);
        time.Advance(options.StateCountsRefresh);
        await observer.RefreshAsync(CancellationToken.None);

        Assert.Equal(1, cached);
        Assert.Equal((2L, 1L), (depth, pending));
        Assert.Equal(2, observer.Current!.VideosByState["pending"]);
    }

    [Fact]
    public async Task An_unreachable_database_leaves_the_queue_unknown_instead_of_failing_the_scrape()
    {
        await using var unreachable = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={Highlights.Silo.Hosting.LoopbackPort.Free()};Username=nobody;Timeout=2");
        var observer = new PostgresQueueObserver(unreachable, Options.Create(new MetricsOptions()), new ManualTimeProvider(), NullLogger<PostgresQueueObserver>.Instance);

        await observer.RefreshAsync(CancellationToken.None);

        Assert.Null(observer.Current);
    }

    private static PostgresQueueObserver Observer(ClusterDatabase cluster, TimeProvider time, MetricsOptions? options = null) =>
        new(cluster.Db, Options.Create(options ?? new MetricsOptions()), time, NullLogger<PostgresQueueObserver>.Instance);

    /// <summary>Writes the index row as the video's grain would after <paramref name="transition"/>.</summary>
    private static Task RecordAsync(ClusterDatabase cluster, string id, Func<VideoState, VideoState> transition, bool queued, DateTimeOffset notBefore)
    {
        var state = transition(VideoState.Create(id, new VideoSource($"/media/{id}.mp4", 100, id), new ProcessingOptions(), DateTimeOffset.UnixEpoch, "acme"));
        return cluster.Index.RecordAsync(state, queued, notBefore, CancellationToken.None);
    }
}
