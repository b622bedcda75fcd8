using Highlights.Silo.Metrics;
using Highlights.TestSupport;
using Prometheus;

namespace Highlights.UnitTests.Metrics;

public sealed class ClusterGaugesTests
{
    private readonly CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly FixedQueue queue = new();

    public ClusterGaugesTests()
    {
        _ = new ClusterGauges(registry, queue);
    }

    [Fact]
    public async Task The_gauges_report_the_queue_as_read_just_before_the_scrape()
    {
        queue.Current = new QueueSnapshot(new Dictionary<string, long> { ["pending"] = 3, ["running"] = 1, ["failed"] = 0 }, 2, TimeSpan.FromSeconds(42.5));

        var samples = await Exposition.SamplesAsync(registry);

        Assert.Equal(1, queue.Refreshes);
        Assert.Equal(3, samples.Matching("highlights_videos").Count());
        Assert.Equal(3, Assert.Single(samples.Matching("highlights_videos", ("state", "pending"))).Value);
        Assert.Equal(0, Assert.Single(samples.Matching("highlights_videos", ("state", "failed"))).Value);
        Assert.Equal(2, Assert.Single(samples.Matching("highlights_queue_depth")).Value);
        Assert.Equal(42.5, Assert.Single(samples.Matching("highlights_queue_oldest_age_seconds")).Value);
    }

    [Fact]
    public async Task A_queue_that_could_not_be_read_is_left_out_rather_than_reported_stale()
    {
        queue.Current = new QueueSnapshot(new Dictionary<string, long> { ["pending"] = 3 }, 3, TimeSpan.FromMinutes(1));
        Assert.NotEmpty((await Exposition.SamplesAsync(registry)).Matching("highlights_queue_depth"));
        queue.Current = null;

        var samples = await Exposition.SamplesAsync(registry);

        Assert.DoesNotContain(samples, s => s.Name is "highlights_videos" or "highlights_queue_depth" or "highlights_queue_oldest_age_seconds");
    }

    [Fact]
    public async Task Before_the_first_reading_there_are_no_queue_figures_at_all()
    {
        var samples = await Exposition.SamplesAsync(registry);

        Assert.DoesNotContain(samples, s => s.Name.StartsWith("highlights_queue", StringComparison.Ordinal) || s.Name == "highlights_videos");
    }

    private sealed class FixedQueue : IQueueObserver
    {
        public QueueSnapshot? Current { get; set; }

        public int Refreshes { get; private set; }

        public Task RefreshAsync(CancellationToken cancellationToken)
        {
            Refreshes++;
            return Task.CompletedTask;
        }
    }
}
