using Microsoft.Extensions.Logging;
using Npgsql;

namespace Highlights.Silo.Database;

/// <summary>
/// Applies the embedded migrations that the database has not seen, in one transaction under an advisory lock,
/// so any number of silos (and <c>highlights db migrate</c>) may start at once: one applies, the others wait and find nothing to do.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource db, TimeProvider time, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary, fixed: every process that migrates this database takes the same lock.</summary>
    private const long LockKey = 0x4869676867_6C74;

    /// <returns>The versions this call applied (empty when the database was up to date).</returns>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(
            """
            create table if not exists schema_migrations (
                version    integer primary key,
                name       text not null,
                applied_at timestamptz not null
            )
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = await AppliedVersionsAsync(connection, transaction, cancellationToken);
        var newlyApplied = new List<int>();
        foreach (var migration in MigrationCatalog.All.Where(m => !applied.Contains(m.Version)))
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand(
                "insert into schema_migrations (version, name, applied_at) values (@version, @name, @at)", connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.Parameters.AddWithValue("at", time.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken);
            LogApplied(logger, migration.Version, migration.Name);
            newlyApplied.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
        return newlyApplied;
    }

    /// <summary>The highest applied version, or 0 for an empty database.</summary>
    public async Task<int> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("select coalesce(max(version), 0) from schema_migrations");
        try
        {
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version from schema_migrations", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
