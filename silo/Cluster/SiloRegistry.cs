using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Cluster;

/// <summary>The <c>silos</c> table: who is (or was) working, with a heartbeat, for operators and for <c>/readyz</c>.</summary>
public sealed class SiloRegistry(NpgsqlDataSource db, SiloIdentity silo, TimeProvider time)
{
    /// <summary>Rows of silos silent for longer than this are removed when another silo starts.</summary>
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public async Task RegisterAsync(int workers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("delete from silos where heartbeat_at < @forget_before")
        {
            Parameters = { new NpgsqlParameter("forget_before", (now - ForgetAfter).UtcDateTime) },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            insert into silos (id, host_name, process_id, workers, started_at, heartbeat_at)
            values (@id, @host, @pid, @workers, @now, @now)
            """)
        {
            Parameters =
            {
                new NpgsqlParameter("id", silo.Id),
                new NpgsqlParameter("host", Environment.MachineName),
                new NpgsqlParameter("pid", Environment.ProcessId),
                new NpgsqlParameter("workers", workers),
                new NpgsqlParameter("now", now.UtcDateTime),
            },
        });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("update silos set heartbeat_at = @now where id = @id");
        command.With("id", silo.Id).WithTimestamp("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("update silos set stopped_at = @now, heartbeat_at = @now where id = @id");
        command.With("id", silo.Id).WithTimestamp("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
