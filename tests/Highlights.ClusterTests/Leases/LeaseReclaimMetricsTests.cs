using Highlights.ClusterTests.Fixtures;

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

        await a.Queue.ClaimAsync(a.Id, CancellationToken.None);
        var afterFirstClaim = await ReclaimsAsync(cluster);
        cluster.Time.Advance(cluster.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.NotNull(await b.Queue.ClaimAsync(b.Id, CancellationToken.None));

        Assert.Equal(0, afterFirstClaim);
        Assert.Equal(1, await ReclaimsAsync(cluster));
    }

    private static async Task<double> ReclaimsAsync(ClusterHarness cluster) =>
        Assert.Single((await Exposition.SamplesAsync(cluster.Metrics.Registry)).Matching("highlights_lease_reclaims_total")).Value;
}
