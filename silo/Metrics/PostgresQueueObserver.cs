using Highlights.Silo.Cluster;
using Highlights.Silo.Database;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Reads the queue gauges from the <c>videos</c> table in one grouped query, at most once per <see cref="CacheFor"/>
/// however often (and however many scrapers) ask, so scrapes never add real load to the database.
/// </summary>
public sealed partial class PostgresQueueObserver(NpgsqlDataSource db, TimeProvider time, ILogger<PostgresQueueObserver> logger) : IQueueObserver
{
    /// <summary>Readings younger than this are served again: a third of Prometheus' default 15 s scrape interval.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim oneReader = new(1, 1);

    /// <summary>Replaced whole, so a scrape never sees one reading's time with another's figures.</summary>
    private volatile Reading? last;

    public QueueSnapshot? Current => last?.Snapshot;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (IsFresh(time.GetUtcNow()))
        {
            return;
        }

        await oneReader.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (IsFresh(now))
            {
                return;
            }

            // A failed read is kept as "unknown" until the cache runs out too: a struggling database gets no extra queries.
            QueueSnapshot? snapshot = null;
            try
            {
                snapshot = await ReadAsync(now, cancellationToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogReadFailed(logger, ex);
            }

            last = new Reading(now, snapshot);
        }
        finally
        {
            oneReader.Release();
        }
    }

    private bool IsFresh(DateTimeOffset now) => last is { } reading && now - reading.At < CacheFor;

    private async Task<QueueSnapshot> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            select status, count(*),
                   count(*) filter (where waiting),
                   min(not_before) filter (where waiting)
            from (
                select status, not_before,
                       queued and not_before <= @now and (lease_token is null or lease_expires_at <= @now) as waiting
                from videos
            ) v
            group by status
            """);
        command.WithTimestamp("now", now);
        var byState = VideoStatusNames.All.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal);
        long depth = 0;
        DateTimeOffset? oldest = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byState[reader.GetString(0)] = reader.GetInt64(1);
            depth += reader.GetInt64(2);
            if (reader.GetNullableTimestamp(3) is { } due && (oldest is null || due < oldest))
            {
                oldest = due;
            }
        }

        return new QueueSnapshot(byState, depth, oldest is { } o && o < now ? now - o : TimeSpan.Zero);
    }

    private sealed record Reading(DateTimeOffset At, QueueSnapshot? Snapshot);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queue for the metrics; its gauges are left out until it can")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
