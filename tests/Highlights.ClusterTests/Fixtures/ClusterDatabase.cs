using Highlights.Silo.Cluster;
using Highlights.Silo.Database;
using Highlights.Silo.Keys;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>A test's own database, for submitting videos and reading what the silos did.</summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    private ClusterDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        Db = NpgsqlDataSource.Create(connectionString);
        Index = new PostgresVideoIndex(Db, TimeProvider.System);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource Db { get; }

    public PostgresVideoIndex Index { get; }

    public static async Task<ClusterDatabase> CreateAsync(PostgresServer server, bool migrate = true)
    {
        var database = new ClusterDatabase(await server.CreateDatabaseAsync());
        if (migrate)
        {
            await new MigrationRunner(database.Db, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    /// <summary>A key for <paramref name="tenant"/>, as <c>highlights keys create</c> makes one.</summary>
    public Task<string> KeyForTenantAsync(string tenant) => new ApiKeyStore(Db, TimeProvider.System).CreateAsync(tenant, CancellationToken.None);

    /// <summary>Adds a video's index row (as the API does before its grain takes it), for tests of what reads the index.</summary>
    /// <param name="time">The clock that stamps the row; default the system's.</param>
    public async Task<string> IndexAsync(string tenant = "acme", string sha = "cafe", TimeProvider? time = null)
    {
        var id = ClusterVideoId.For(tenant, sha);
        await new PostgresVideoIndex(Db, time ?? TimeProvider.System).AdmitAsync(tenant, id, $"/media/{sha}.mp4", maxWaiting: null, CancellationToken.None);
        return id;
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of the first row as text, or null when there is no row or it is null.</summary>
    public async Task<string?> TextAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync() is string text ? text : null;
    }

    public async Task<List<(string A, string B)>> PairsAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Db.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Polls until <paramref name="sql"/> counts <paramref name="expected"/>, failing with the silos' output after the timeout.</summary>
    public async Task WaitForCountAsync(string sql, long expected, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        long last = -1;
        while (DateTime.UtcNow < deadline)
        {
            last = await CountAsync(sql);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"waited {timeout} for {expected} from '{sql}', last saw {last}\n{diagnostics()}");
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}
