using Highlights.Silo.Cluster;
using Highlights.Silo.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Reads the queue gauges from the <c>videos</c> table: the waiting videos every <see cref="MetricsOptions.QueueRefresh"/>
/// and the counts by state every <see cref="MetricsOptions.StateCountsRefresh"/>, however often (and however many
/// scrapers) ask, so scrapes add no real load to the database.
/// </summary>
public sealed partial class PostgresQueueObserver(
    NpgsqlDataSource db, IOptions<MetricsOptions> options, TimeProvider time, ILogger<PostgresQueueObserver> logger) : IQueueObserver
{
    private readonly SemaphoreSlim oneReader = new(1, 1);

    // Each replaced whole, so a scrape never sees one reading's time with another's figures.
    private volatile Reading<Waiting>? queue;
    private volatile Reading<IReadOnlyDictionary<string, long>>? states;

    /// <summary>Null until both parts have been read, and while the last attempt at either failed.</summary>
    public QueueSnapshot? Current =>
        queue?.Value is { } waiting && states?.Value is { } byState ? new QueueSnapshot(byState, waiting.Depth, waiting.OldestAge) : null;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(time.GetUtcNow()))
        {
            return;
        }

        await oneReader.WaitAsync(cancellationToken);
        try
        {
            // A failed read counts as a reading (of nothing) until its time runs out: a struggling database gets no extra queries.
            var now = time.GetUtcNow();
            if (!Fresh(queue, options.Value.QueueRefresh, now))
            {
                queue = new(now, await TryReadAsync(ct => ReadWaitingAsync(now, ct), cancellationToken));
            }

            if (!Fresh(states, options.Value.StateCountsRefresh, now))
            {
                states = new(now, await TryReadAsync(ReadStatesAsync, cancellationToken));
            }
        }
        finally
        {
            oneReader.Release();
        }
    }

    private bool IsFresh(DateTimeOffset now) =>
        Fresh(queue, options.Value.QueueRefresh, now) && Fresh(states, options.Value.StateCountsRefresh, now);

    private static bool Fresh<T>(Reading<T>? reading, TimeSpan refresh, DateTimeOffset now)
        where T : class => reading is not null && now - reading.At < refresh;

    private async Task<T?> TryReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await read(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogReadFailed(logger, ex);
            return null;
        }
    }

    /// <summary>Videos due to run that no silo runs yet; the <c>videos_waiting</c> partial index covers exactly the queued rows.</summary>
    private async Task<Waiting> ReadWaitingAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            select count(*), min(not_before) from videos
            where queued and not_before <= @now
            """);
        command.WithTimestamp("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var oldest = reader.GetNullableTimestamp(1);
        return new Waiting(reader.GetInt64(0), oldest is { } due && due < now ? now - due : TimeSpan.Zero);
    }

    private async Task<IReadOnlyDictionary<string, long>> ReadStatesAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select status, count(*) from videos group by status");
        var byState = VideoStatusNames.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byState[reader.GetString(0)] = reader.GetInt64(1);
        }

        return byState;
    }

    private sealed record Reading<T>(DateTimeOffset At, T? Value)
        where T : class;

    private sealed record Waiting(long Depth, TimeSpan OldestAge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queue for the metrics; its gauges are left out until it can")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
