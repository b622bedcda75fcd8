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

    private static LedgerCharge Charge(decimal usd) => new("video-1", "openai", "gpt-4.1-mini", usd);

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

        await ledger.SettleAsync(settled, 0.05m, CancellationToken.None);

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

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
