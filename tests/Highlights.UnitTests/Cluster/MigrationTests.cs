using Highlights.Silo.Database;

namespace Highlights.UnitTests.Cluster;

public sealed class MigrationTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, MigrationCatalog.All.Count), MigrationCatalog.All.Select(m => m.Version));
        Assert.All(MigrationCatalog.All, m => Assert.Contains("create table", m.Sql, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_file_name_without_a_version_is_refused()
    {
        Assert.Equal(12, Migration.Parse("0012_more.sql", "").Version);
        Assert.Throws<InvalidDataException>(() => Migration.Parse("initial.sql", ""));
    }
}
