using System.Globalization;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Costs;
using Npgsql;

namespace Highlights.ClusterTests.Costs;

/// <summary>The cluster's cost ledger on a real database: the daily budget across silos, settlement, and the reports.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCostLedgerTests(PostgresServer server)
{
    private static readonly DateOnly Today = new(2026, 11, 1);

    [Fact]
    public async Task Concurrent_reservations_from_several_silos_never_pass_the_daily_limit_together()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var video = await cluster.IndexAsync();
        await using var otherSilo = NpgsqlDataSource.Create(cluster.Db.ConnectionString);
        var ledgers = new[] { new PostgresCostLedger(cluster.Db, time), new PostgresCostLedger(otherSilo, time) };

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => ledgers[i % 2].TryReserveAsync(Charge(video, "acme", 0.30m), 5m, CancellationToken.None))));

        Assert.Equal(16, results.Count(r => r.Granted));
        Assert.Equal(4.80m, await ledgers[0].SpentOnAsync(Today, CancellationToken.None));
        Assert.All(results.Where(r => !r.Granted), r => Assert.True(r.SpentBefore + 0.30m > 5m, $"refused with only {r.SpentBefore} spent"));
        Assert.Equal(16, await cluster.CountAsync("select count(*) from cost_ledger where not settled"));
    }

    [Fact]
    public async Task A_settlement_replaces_the_worst_case_with_the_cost_and_tokens_and_an_unsettled_call_keeps_counting()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var video = await cluster.IndexAsync();
        var ledger = new PostgresCostLedger(cluster.Db, time);
        var settled = await ledger.TryReserveAsync(Charge(video, "acme", 0.40m), 1m, CancellationToken.None);
        var inFlight = await ledger.TryReserveAsync(Charge(video, "acme", 0.50m), 1m, CancellationToken.None);

        Assert.False((await ledger.TryReserveAsync(Charge(video, "acme", 0.20m), 1m, CancellationToken.None)).Granted);
        await ledger.SettleAsync(settled, new LedgerSettlement(0.05m, 1200, 150), CancellationToken.None);

        Assert.True(inFlight.Granted);
        Assert.Equal(0.55m, await ledger.SpentOnAsync(Today, CancellationToken.None));
        Assert.True((await ledger.TryReserveAsync(Charge(video, "acme", 0.20m), 1m, CancellationToken.None)).Granted);
        var totals = await new CostLedger(cluster.Db).TotalForVideoAsync("acme", video, CancellationToken.None);
        Assert.Equal((0.75m, 1200L, 150L), (totals.Usd, totals.InputTokens, totals.OutputTokens));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ledger.SettleAsync(settled with { Id = "never-reserved" }, new LedgerSettlement(0, 0, 0), CancellationToken.None));
    }

    [Fact]
    public async Task Each_utc_day_has_its_own_budget()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var video = await cluster.IndexAsync();
        var ledger = new PostgresCostLedger(cluster.Db, time);
        await ledger.TryReserveAsync(Charge(video, "acme", 0.9m), 1m, CancellationToken.None);

        time.Advance(TimeSpan.FromHours(12));
        var tomorrow = await ledger.TryReserveAsync(Charge(video, "acme", 0.9m), 1m, CancellationToken.None);

        Assert.True(tomorrow.Granted);
        Assert.Equal((Today.AddDays(1), 0m), (tomorrow.Day, tomorrow.SpentBefore));
        Assert.Equal(0.9m, await ledger.SpentOnAsync(Today, CancellationToken.None));
    }

    [Fact]
    public async Task Reports_cover_every_tenant_or_one_and_group_by_tenant()
    {
        await using var cluster = await ClusterDatabase.CreateAsync(server);
        var time = new ManualTimeProvider();
        var acme = await cluster.IndexAsync("acme", "a1");
        var rival = await cluster.IndexAsync("rival", "b1");
        var ledger = new PostgresCostLedger(cluster.Db, time);
        foreach (var (video, tenant, usd) in new[] { (acme, "acme", 0.25m), (acme, "acme", 0.5m), (rival, "rival", 2m) })
        {
            var reservation = await ledger.TryReserveAsync(Charge(video, tenant, 1m), 10m, CancellationToken.None);
            await ledger.SettleAsync(reservation, new LedgerSettlement(usd, 100, 10), CancellationToken.None);
        }

        var reports = new CostLedger(cluster.Db);
        var from = time.GetUtcNow().AddHours(-1);
        var to = from.AddHours(2);
        var everyone = await reports.SummarizeAsync(null, from, to, CostGrouping.Tenant, CancellationToken.None);
        var onlyAcme = await reports.SummarizeAsync("acme", from, to, CostGrouping.Video, CancellationToken.None);

        Assert.Equal([("rival", 2m, 1L), ("acme", 0.75m, 2L)], everyone.Lines.Select(l => (l.Key, l.Usd, l.Entries)));
        Assert.Equal((2.75m, 300L), (everyone.Total.Usd, everyone.Total.InputTokens));
        Assert.Equal([(acme, 0.75m)], onlyAcme.Lines.Select(l => (l.Key, l.Usd)));

        // `highlights costs --db` is the same report, for an operator who sees every tenant.
        var cli = await CliRun.RunAsync(
            "costs", "--db", cluster.Db.ConnectionString, "--group", "tenant", "--format", "csv",
            "--from", from.ToString("O", CultureInfo.InvariantCulture), "--to", to.ToString("O", CultureInfo.InvariantCulture));
        Assert.True(cli.ExitCode == 0, cli.Error);
        Assert.Equal("tenant,entries,input_tokens,output_tokens,usd\r\nrival,1,100,10,2.000000\r\nacme,2,200,20,0.750000\r\n", cli.Output);
    }

    private static LedgerCharge Charge(string video, string tenant, decimal usd) => new(video, tenant, "openai", "gpt-4.1-mini", usd);
}
