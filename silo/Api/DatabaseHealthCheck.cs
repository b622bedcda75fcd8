using Highlights.Silo.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Highlights.Silo.Api;

/// <summary>Ready when the database answers and its schema is at the version this build expects.</summary>
public sealed class DatabaseHealthCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var version = await migrations.CurrentVersionAsync(cancellationToken);
            return version >= MigrationCatalog.LatestVersion
                ? HealthCheckResult.Healthy($"schema version {version}")
                : HealthCheckResult.Unhealthy($"schema version {version}, expected {MigrationCatalog.LatestVersion}: run 'highlights db migrate'");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
