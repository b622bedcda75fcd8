using System.CommandLine;
using Highlights.Silo.Database;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary><c>highlights db migrate</c>: brings the cluster database's schema up to date (silos also do this at start).</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var migrate = new Command("migrate", "Apply the SQL migrations this build carries that the database has not seen") { db };
        migrate.SetAction((parse, cancellationToken) => DatabaseHost.RunAsync(
            parse.GetValue(db),
            async (services, ct) =>
            {
                var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync(ct);
                Console.WriteLine(applied.Count == 0
                    ? $"database is up to date (schema version {MigrationCatalog.LatestVersion})"
                    : $"applied migrations {string.Join(", ", applied)}; schema version {MigrationCatalog.LatestVersion}");
                return ExitCodes.Ok;
            },
            cancellationToken));
        return new Command("db", "The cluster database") { migrate };
    }
}
