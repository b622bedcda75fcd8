using Highlights.ClusterTests.Fixtures;
using Highlights.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Highlights.ClusterTests.Database;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer server)
{
    [Fact]
    public async Task Silos_migrating_at_the_same_moment_apply_each_version_exactly_once()
    {
        var connection = await server.CreateDatabaseAsync();
        var sources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connection)).ToList();
        try
        {
            using var go = new ManualResetEventSlim();
            var runs = sources.Select(db => Task.Run(async () =>
            {
                go.Wait();
                return await new MigrationRunner(db, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
            })).ToList();
            go.Set();
            var applied = await Task.WhenAll(runs);

            Assert.Equal(MigrationCatalog.All.Select(m => m.Version), applied.SelectMany(a => a).Order());
            await using var count = sources[0].CreateCommand("select count(*) from schema_migrations");
            Assert.Equal((long)MigrationCatalog.All.Count, await count.ExecuteScalarAsync());
            var runner = new MigrationRunner(sources[0], TimeProvider.System, NullLogger<MigrationRunner>.Instance);
            Assert.Equal(MigrationCatalog.LatestVersion, await runner.CurrentVersionAsync(CancellationToken.None));
            Assert.Empty(await runner.MigrateAsync(CancellationToken.None));
        }
        finally
        {
            foreach (var db in sources)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_empty_database_reports_version_zero()
    {
        await using var db = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        Assert.Equal(0, await new MigrationRunner(db, TimeProvider.System, NullLogger<MigrationRunner>.Instance).CurrentVersionAsync(CancellationToken.None));
    }
}
