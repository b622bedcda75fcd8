using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Telemetry;
using Highlights.Silo.Metrics;

namespace Highlights.ClusterTests.Leases;

[Collection(PostgresCollection.Name)]
public sealed class LeaseReclaimMetricsTests(PostgresServer server)
{
    [Fact]
    public async Task Taking_over_an_expired_lease_is_counted_and_a_first_claim_is_not()
    {
        await using var cluster = await ClusterHarness.CreateAsync(server, [new ScriptedStage("one")]);
        await cluster.SubmitAsync();
        var a = cluster.Silo("a");
        var b = cluster.Silo("b");
        using var metrics = new MetricsCollector([HighlightsMetrics.MeterName]);

        await a.Queue.ClaimAsync(a.Id, CancellationToken.None);
        var afterFirstClaim = Reclaims(metrics);
        cluster.Time.Advance(cluster.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.NotNull(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));

        Assert.Equal(0, afterFirstClaim);
        Assert.Equal(1, Reclaims(metrics));
    }

    private static double Reclaims(MetricsCollector metrics) =>
        metrics.Collect().SingleOrDefault(f => f.Name == "highlights_lease_reclaims_total")?.Series.Sum(s => s.Value) ?? 0;
}
