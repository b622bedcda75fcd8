using Highlights.Cli.Costs;

namespace Highlights.UnitTests.Costs;

public sealed class CostSourceChoiceTests
{
    [Theory]
    [InlineData(false, false, false, false, CostSource.Embedded)]
    [InlineData(true, false, false, true, CostSource.Database)]
    [InlineData(false, true, true, false, CostSource.Api)]
    [InlineData(false, false, true, true, CostSource.Database)]
    [InlineData(false, false, false, true, CostSource.Api)]
    public void A_flag_beats_the_environment_and_the_database_beats_a_key(bool dbFlag, bool remoteFlag, bool dbConfigured, bool keyInEnvironment, CostSource expected)
    {
        var (source, error) = CostSourceChoice.Decide(dbFlag, remoteFlag, dbConfigured, keyInEnvironment);

        Assert.Null(error);
        Assert.Equal(expected, source);
    }

    [Fact]
    public void Asking_for_the_database_and_a_server_at_once_is_an_error()
    {
        var (source, error) = CostSourceChoice.Decide(dbFlag: true, remoteFlag: true, dbConfigured: false, keyInEnvironment: false);

        Assert.Null(source);
        Assert.Contains("--db", error, StringComparison.Ordinal);
    }
}
