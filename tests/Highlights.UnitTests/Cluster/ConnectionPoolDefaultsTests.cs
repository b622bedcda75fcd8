using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.UnitTests.Cluster;

public sealed class ConnectionPoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_pool_settings_gets_the_silos_bounded_pool()
    {
        var pool = new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply("Host=127.0.0.1;Database=h"));

        Assert.Equal((ConnectionPoolDefaults.MaxPoolSize, ConnectionPoolDefaults.Timeout), (pool.MaxPoolSize, pool.Timeout));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Maximum Pool Size=50;Timeout=30")]
    [InlineData("Host=127.0.0.1;maxpoolsize=50;TIMEOUT=30")]
    public void Pool_settings_the_operator_wrote_are_kept(string connectionString)
    {
        var pool = new NpgsqlConnectionStringBuilder(ConnectionPoolDefaults.Apply(connectionString));

        Assert.Equal((50, 30), (pool.MaxPoolSize, pool.Timeout));
    }
}
