using System.Diagnostics.Metrics;
using Highlights.Silo.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.UnitTests.Metrics;

public sealed class ClusterGaugesTests : IDisposable
{
    private readonly ServiceProvider host = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FixedQueue queue = new();
    private readonly MetricsCollector collector;

    public ClusterGaugesTests()
    {
        var meters = host.GetRequiredService<IMeterFactory>();
        collector = new MetricsCollector(scope: meters);
        _ = new ClusterGauges(meters, queue);
    }

    public void Dispose()
    {
        collector.Dispose();
        host.Dispose();
    }

    [Fact]
    public void The_gauges_report_the_queue_as_last_read()
    {
        queue.Current = new QueueSnapshot(new Dictionary<string, long> { ["pending"] = 3, ["running"] = 1, ["failed"] = 0 }, 2, TimeSpan.FromSeconds(42.5));

        var families = collector.Collect();

        var videos = families.Single(f => f.Name == "highlights_videos").Series;
        Assert.Equal(3, videos.Count);
        Assert.Equal(3, videos.Single(s => s.Labels.Contains(new("state", "pending"))).Value);
        Assert.Equal(0, videos.Single(s => s.Labels.Contains(new("state", "failed"))).Value);
        Assert.Equal(2, Assert.Single(families.Single(f => f.Name == "highlights_queue_depth").Series).Value);
        Assert.Equal(42.5, Assert.Single(families.Single(f => f.Name == "highlights_queue_oldest_age_seconds").Series).Value);
    }

    [Fact]
    public void A_queue_that_could_not_be_read_is_left_out_rather_than_reported_stale()
    {
        queue.Current = new QueueSnapshot(new Dictionary<string, long> { ["pending"] = 3 }, 3, TimeSpan.FromMinutes(1));
        collector.Collect();
        queue.Current = null;

        var families = collector.Collect();

        Assert.All(
            families.Where(f => f.Name is "highlights_videos" or "highlights_queue_depth" or "highlights_queue_oldest_age_seconds"),
            f => Assert.Empty(f.Series));
    }

    private sealed class FixedQueue : IQueueObserver
    {
        public QueueSnapshot? Current { get; set; }

        public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
