using Highlights.Grains.Actor;
using Highlights.Grains.State;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>
/// The <c>videos</c> table: one row per submitted video, its tenant and how it stands, written by its grain on every
/// status change. The API admits new videos here (a tenant's waiting cap is counted under a per-tenant lock, so
/// concurrent submits cannot overshoot); the queue gauges and retention read it.
/// </summary>
public sealed class PostgresVideoIndex(NpgsqlDataSource db, TimeProvider time) : IVideoIndex
{
    /// <summary>
    /// Adds the video's row, or finds the one this tenant already has. A new video past <paramref name="maxWaiting"/>
    /// (the tenant's queued or running videos) throws <see cref="WaitingCapReachedException"/>.
    /// </summary>
    /// <returns>False when the video was already there; null when the id belongs to another tenant.</returns>
    public async Task<bool?> AdmitAsync(string tenant, string id, string sourcePath, int? maxWaiting, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockTenant = new NpgsqlCommand("select pg_advisory_xact_lock(hashtextextended(@tenant, 0))", connection, transaction))
        {
            lockTenant.With("tenant", tenant);
            await lockTenant.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var existing = new NpgsqlCommand("select tenant from videos where id = @id", connection, transaction))
        {
            existing.With("id", id);
            if (await existing.ExecuteScalarAsync(cancellationToken) is string owner)
            {
                // A 80-bit hash collision across tenants, or a guess at another tenant's id: either way not this tenant's.
                return owner == tenant ? false : null;
            }
        }

        if (maxWaiting is { } cap)
        {
            await using var count = new NpgsqlCommand("select count(*) from videos where tenant = @tenant and (queued or status = 'running')", connection, transaction);
            count.With("tenant", tenant);
            var waiting = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (waiting >= cap)
            {
                throw new WaitingCapReachedException(waiting);
            }
        }

        await using var insert = new NpgsqlCommand(
            """
            insert into videos (id, tenant, status, source_path, created_at, updated_at, queued, not_before)
            values (@id, @tenant, 'pending', @source_path, @now, @now, true, @now)
            """,
            connection,
            transaction);
        insert.With("id", id).With("tenant", tenant).With("source_path", sourcePath).WithTimestamp("now", now);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The tenant's most recently submitted videos, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<string>> RecentAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select id from videos where tenant = @tenant order by created_at desc, id limit @limit");
        command.With("tenant", tenant).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Takes back an admission whose grain never got the video (its state could not be written).</summary>
    public async Task ForgetAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("delete from videos where id = @id");
        command.With("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordAsync(VideoState state, bool queued, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            insert into videos (id, tenant, status, source_path, created_at, updated_at, queued, not_before)
            values (@id, @tenant, @status, @source_path, @created_at, @updated_at, @queued, @not_before)
            on conflict (id) do update set
                status = excluded.status, source_path = excluded.source_path, updated_at = excluded.updated_at,
                queued = excluded.queued, not_before = excluded.not_before
            """);
        command.With("id", state.VideoId)
            .With("tenant", state.Tenant)
            .With("status", VideoStatusNames.ToName(state.Status))
            .With("source_path", state.Source.Path)
            .WithTimestamp("created_at", state.CreatedAt)
            .WithTimestamp("updated_at", state.UpdatedAt)
            .With("queued", queued)
            .WithTimestamp("not_before", notBefore);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
