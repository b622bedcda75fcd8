using System.Data.Common;
using Npgsql;

namespace Highlights.Silo.Database;

/// <summary>
/// A silo's pool is smaller than Npgsql's 100 and waits less for a free connection, so a burst of requests queues
/// for a few connections (and past the wait is answered 503) instead of opening more than PostgreSQL allows.
/// What the connection string itself says wins.
/// </summary>
public static class ConnectionPoolDefaults
{
    public const int MaxPoolSize = 20;

    /// <summary>Seconds a request waits for a free connection.</summary>
    public const int Timeout = 5;

    private static readonly string[] MaxPoolSizeKeys = ["MAXIMUMPOOLSIZE", "MAXPOOLSIZE"];

    public static string Apply(string connectionString)
    {
        // NpgsqlConnectionStringBuilder cannot tell a default from a value the operator set; the generic parser can.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!MaxPoolSizeKeys.Any(given.Contains))
        {
            builder.MaxPoolSize = MaxPoolSize;
        }

        if (!given.Contains("TIMEOUT"))
        {
            builder.Timeout = Timeout;
        }

        return builder.ConnectionString;
    }
}
