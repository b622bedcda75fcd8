using Highlights.Silo.Database;

namespace Highlights.UnitTests.Cluster;

public sealed class MigrationTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), MigrationCatalog.All.Select(m => m.Version));
        Assert.All(MigrationCatalog.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public void Orleans_scripts_come_in_the_order_its_documentation_gives_before_the_lease_tables_are_dropped()
    {
        var names = MigrationCatalog.All.Select(m => m.Name).ToList();

        Assert.Equal(["0003_orleans_main", "0004_orleans_clustering", "0005_orleans_persistence", "0006_orleans_reminders"], names[2..6]);
        Assert.Contains("OrleansQuery", MigrationCatalog.All[2].Sql, StringComparison.Ordinal);
        Assert.Contains("drop table silos", MigrationCatalog.All[6].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_without_a_version_is_refused()
    {
        Assert.Equal(12, Migration.Parse("0012_more.sql", "").Version);
        Assert.Throws<InvalidDataException>(() => Migration.Parse("initial.sql", ""));
    }
}
