using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// A real PostgreSQL for the tests: initdb into a temp directory, started on a free loopback port, torn down after.
/// PostgreSQL refuses to run as root, so when the tests run as root the server runs as the <c>postgres</c> user.
/// Each test gets its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("highlights-pg-").FullName;
    private int databases;

    public int Port { get; } = Highlights.Silo.Hosting.LoopbackPort.Free();

    private string DataDirectory => Path.Combine(directory, "data");

    public async Task InitializeAsync()
    {
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", directory);
        }

        await RunAsync(Tool("initdb"), "-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        await RunAsync(
            Tool("pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "start",
            "-o", $"-p {Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Tool("pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A fresh, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"create database {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>On PATH, else Debian's versioned directories (newest first).</summary>
    private static string Tool(string name)
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Concat(debian))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{name} not found: install PostgreSQL (scripts/setup.sh does)");
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(IsRoot && program != "chown" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (IsRoot && program != "chown")
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
