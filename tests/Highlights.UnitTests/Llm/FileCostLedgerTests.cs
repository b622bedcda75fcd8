using Highlights.Grains.Llm.Budget;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Llm;

public sealed class FileCostLedgerTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private readonly TempDirectory temp = new();
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 21, 23, 59, 0, TimeSpan.Zero));

    public void Dispose() => temp.Dispose();

    private FileCostLedger Ledger() => new(temp.Path, time);

    private static LedgerCharge Charge(decimal usd, string tenant = "local") => new("video-1", tenant, "openai", "gpt-4.1-mini", usd);

    [Fact]
    public async Task Reservations_are_granted_until_the_next_would_pass_the_daily_limit()
    {
        var ledger = Ledger();

        var first = await ledger.TryReserveAsync(Charge(0.6m), 1m, CancellationToken.None);
        var second = await ledger.TryReserveAsync(Charge(0.5m), 1m, CancellationToken.None);
        var third = await ledger.TryReserveAsync(Charge(0.4m), 1m, CancellationToken.None);

        Assert.True(first.Granted);
        Assert.False(second.Granted);
        Assert.Equal(0.6m, second.SpentBefore);
        Assert.True(third.Granted);
        Assert.Equal(1.0m, await ledger.SpentOnAsync(Today, CancellationToken.None));
    }

    [Fact]
    public async Task A_settlement_replaces_the_reserved_amount_and_an_unsettled_reservation_keeps_counting()
    {
        var ledger = Ledger();
        var settled = await ledger.TryReserveAsync(Charge(0.30m), 10m, CancellationToken.None);
        await ledger.TryReserveAsync(Charge(0.20m), 10m, CancellationToken.None);

        await ledger.SettleAsync(settled, new LedgerSettlement(0.05m, 400, 50), CancellationToken.None);

        // A new ledger over the same files (another process, or after a crash) sees the same total.
        Assert.Equal(0.25m, await Ledger().SpentOnAsync(Today, CancellationToken.None));
    }

    [Fact]
    public async Task Each_utc_day_has_its_own_file_and_total()
    {
        var ledger = Ledger();
        await ledger.TryReserveAsync(Charge(0.9m), 1m, CancellationToken.None);
        time.Now = time.Now.AddMinutes(2);

        var tomorrow = await ledger.TryReserveAsync(Charge(0.9m), 1m, CancellationToken.None);

        Assert.True(tomorrow.Granted);
        Assert.Equal(Today.AddDays(1), tomorrow.Day);
        Assert.True(File.Exists(ledger.PathFor(Today)) && File.Exists(ledger.PathFor(Today.AddDays(1))));
    }

    [Fact]
    public async Task A_torn_last_line_from_a_crash_is_skipped_and_the_next_line_is_written_whole()
    {
        var ledger = Ledger();
        await ledger.TryReserveAsync(Charge(0.1m), 1m, CancellationToken.None);
        await File.AppendAllTextAsync(ledger.PathFor(Today), """{"id":"torn","kind":"reserve","us""");

        await ledger.TryReserveAsync(Charge(0.2m), 1m, CancellationToken.None);

        Assert.Equal(0.3m, await ledger.SpentOnAsync(Today, CancellationToken.None));
        Assert.Equal(3, (await File.ReadAllLinesAsync(ledger.PathFor(Today))).Length);
    }

    [Fact]
    public async Task Concurrent_reservations_never_spend_past_the_limit_together()
    {
        var ledgers = Enumerable.Range(0, 8).Select(_ => Ledger()).ToList();

        var results = await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.TryReserveAsync(Charge(0.3m), 1m, CancellationToken.None))));

        Assert.Equal(3, results.Count(r => r.Granted));
        Assert.Equal(0.9m, await Ledger().SpentOnAsync(Today, CancellationToken.None));
    }

    [Fact]
    public async Task Entries_carry_tenant_model_and_settled_tokens_and_keep_unsettled_calls_at_their_reservation()
    {
        var ledger = Ledger();
        var settled = await ledger.TryReserveAsync(Charge(0.30m, "acme"), 10m, CancellationToken.None);
        await ledger.TryReserveAsync(Charge(0.20m), 10m, CancellationToken.None);
        await ledger.SettleAsync(settled, new LedgerSettlement(0.05m, 400, 50), CancellationToken.None);

        var entries = Ledger().Entries(time.Now.AddHours(-1), time.Now.AddHours(1));

        Assert.Equal(2, entries.Count);
        Assert.Equal(("acme", "gpt-4.1-mini", 0.05m, 400L, 50L, true), (entries[0].Tenant, entries[0].Model, entries[0].Usd, entries[0].InputTokens, entries[0].OutputTokens, entries[0].Settled));
        Assert.Equal(("local", 0.20m, 0L, false), (entries[1].Tenant, entries[1].Usd, entries[1].InputTokens, entries[1].Settled));
    }

    [Fact]
    public async Task Entries_are_limited_to_the_asked_interval_across_day_files()
    {
        var ledger = Ledger();
        await ledger.TryReserveAsync(Charge(0.1m), 10m, CancellationToken.None);
        var firstAt = time.Now;
        time.Now = time.Now.AddMinutes(2);
        await ledger.TryReserveAsync(Charge(0.2m), 10m, CancellationToken.None);

        Assert.Equal([0.1m, 0.2m], ledger.Entries(firstAt, time.Now.AddTicks(1)).Select(e => e.Usd));
        Assert.Equal([0.2m], ledger.Entries(firstAt.AddTicks(1), time.Now.AddTicks(1)).Select(e => e.Usd));
        Assert.Empty(ledger.Entries(firstAt.AddDays(-3), firstAt));
    }

    [Fact]
    public async Task Lines_written_before_tenants_were_recorded_read_as_the_local_tenant()
    {
        Directory.CreateDirectory(temp.Path);
        await File.WriteAllTextAsync(
            Ledger().PathFor(Today),
            """{"id":"old","kind":"reserve","at":"2026-11-21T10:00:00+00:00","usd":0.3,"video_id":"v","provider":"openai","model":"m"}""" + "\n"
            + """{"id":"old","kind":"settle","at":"2026-11-21T10:00:01+00:00","usd":0.1}""" + "\n");

        var entry = Assert.Single(Ledger().Entries(time.Now.AddDays(-1), time.Now));

        Assert.Equal(("local", 0.1m, 0L, true), (entry.Tenant, entry.Usd, entry.InputTokens, entry.Settled));
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
