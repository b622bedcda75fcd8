using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Costs;

/// <summary>
/// The cluster's <see cref="ICostLedger"/>: each LLM call is a <c>cost_ledger</c> row, inserted as a reservation and
/// updated when settled. Reservations of one UTC day are serialised across silos by locking that day's
/// <c>cost_days</c> row, and the day's total is read after the lock is held, so concurrent reservations can never
/// together pass the daily limit.
/// </summary>
public sealed class PostgresCostLedger(NpgsqlDataSource db, TimeProvider time) : ICostLedger
{
    public async Task<LedgerReservation> TryReserveAsync(LedgerCharge charge, decimal dailyLimitUsd, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var id = Guid.NewGuid().ToString("N");
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockDayAsync(connection, transaction, day, cancellationToken);

        // Read committed: this statement's snapshot is taken after the lock, so it sees every reservation committed before.
        var spent = await SpentAsync(connection, transaction, day, cancellationToken);
        if (spent + charge.Usd > dailyLimitUsd)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new LedgerReservation(id, day, charge.Usd, Granted: false, spent);
        }

        await using (var insert = new NpgsqlCommand(
            """
            insert into cost_ledger (reservation, video_id, tenant, provider, model, input_tokens, output_tokens, usd, at, settled)
            values (@reservation, @video, @tenant, @provider, @model, 0, 0, @usd, @at, false)
            """,
            connection,
            transaction))
        {
            insert.With("reservation", id)
                .With("video", charge.VideoId)
                .With("tenant", charge.Tenant)
                .With("provider", charge.Provider)
                .With("model", charge.Model)
                .With("usd", charge.Usd)
                .WithTimestamp("at", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new LedgerReservation(id, day, charge.Usd, Granted: true, spent);
    }

    public async Task SettleAsync(LedgerReservation reservation, LedgerSettlement settlement, CancellationToken cancellationToken)
    {
        if (!reservation.Granted)
        {
            throw new InvalidOperationException($"reservation {reservation.Id} was not granted; there is nothing to settle");
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Under the day's lock too: a reservation summing the day never sees a settlement half-way.
        await LockDayAsync(connection, transaction, reservation.Day, cancellationToken);
        await using (var update = new NpgsqlCommand(
            """
            update cost_ledger set usd = @usd, input_tokens = @input, output_tokens = @output, settled = true
            where reservation = @reservation
            """,
            connection,
            transaction))
        {
            update.With("reservation", reservation.Id)
                .With("usd", settlement.Usd)
                .With("input", settlement.InputTokens)
                .With("output", settlement.OutputTokens);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException($"reservation {reservation.Id} is not in the cost ledger");
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<decimal> SpentOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await SpentAsync(connection, null, day, cancellationToken);
    }

    private static async Task LockDayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateOnly day, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand("insert into cost_days (day) values (@day) on conflict (day) do nothing", connection, transaction))
        {
            await insert.With("day", day).ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("select day from cost_days where day = @day for update", connection, transaction);
        await select.With("day", day).ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<decimal> SpentAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateOnly day, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var sum = new NpgsqlCommand("select coalesce(sum(usd), 0) from cost_ledger where at >= @start and at < @end", connection, transaction);
        sum.WithTimestamp("start", start).WithTimestamp("end", start.AddDays(1));
        return (decimal)(await sum.ExecuteScalarAsync(cancellationToken))!;
    }
}
