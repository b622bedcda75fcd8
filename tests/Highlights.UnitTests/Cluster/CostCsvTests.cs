using Highlights.Client.Contracts;
using Highlights.Silo.Costs;

namespace Highlights.UnitTests.Cluster;

public sealed class CostCsvTests
{
    [Fact]
    public void Keys_with_commas_or_quotes_are_quoted_and_numbers_are_invariant()
    {
        var report = new CostReport(
            DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch.AddDays(1),
            "model",
            [new CostLine("acme/\"big\",model", 2, 10, 5, 0.5m)],
            new CostTotals(0.5m, 10, 5));

        Assert.Equal("model,entries,input_tokens,output_tokens,usd\r\n\"acme/\"\"big\"\",model\",2,10,5,0.500000\r\n", CostCsv.Write(report));
    }
}
