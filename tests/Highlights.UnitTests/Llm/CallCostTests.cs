using Highlights.Grains.Llm;
using Highlights.Grains.Llm.Budget;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Llm;

public sealed class CallCostTests
{
    private static readonly ModelPrice Mini = new(0.40m, 1.60m);

    [Fact]
    public void Cost_is_tokens_times_the_price_per_million()
    {
        Assert.Equal(0.0004m + 0.0016m, Mini.Cost(1000, 1000));
        Assert.Equal(0.40m, Mini.Cost(1_000_000, 0));
    }

    [Fact]
    public void The_worst_case_counts_the_whole_output_cap()
    {
        Assert.Equal(Mini.Cost(3000, 1200), CallCost.WorstCase(Mini, 3000, 1200));
    }

    [Theory]
    [InlineData(CallStatus.Ok, true, 0.00056)]
    [InlineData(CallStatus.RateLimited, false, 0)]
    [InlineData(CallStatus.Rejected, false, 0)]
    [InlineData(CallStatus.Timeout, false, 0.003)]
    [InlineData(CallStatus.ServerError, false, 0.003)]
    [InlineData(CallStatus.Cancelled, false, 0.003)]
    [InlineData(CallStatus.Ok, false, 0.003)]
    public void A_settled_call_costs_its_usage_or_else_nothing_if_refused_or_else_its_worst_case(CallStatus status, bool usage, double expected)
    {
        var cost = CallCost.Settled(Mini, status, usage ? new LlmUsage(1000, 100) : null, worstCase: 0.003m);

        Assert.Equal((decimal)expected, cost);
    }

    [Fact]
    public void A_call_fits_exactly_up_to_the_limit_and_a_refusal_says_what_was_spent_and_needed()
    {
        Assert.Null(CallCost.Refusal("video", 0.50m, 0.40m, 0.10m));

        Assert.Equal("video budget of $0.50 reached: $0.40 spent, the next call may cost up to $0.1001", CallCost.Refusal("video", 0.50m, 0.40m, 0.1001m));
    }

    [Fact]
    public void The_shipped_price_table_prices_gpt_4_1_mini_and_refuses_an_unknown_model_by_name()
    {
        var table = PriceTableFile.Load(Path.Combine(RepoPrompts.Directory, PriceTable.FileName));

        Assert.Equal(new ModelPrice(0.40m, 1.60m), table.For("gpt-4.1-mini"));
        Assert.Equal(table.For("gpt-4.1-mini"), table.For("GPT-4.1-mini"));
        var error = Assert.Throws<LlmConfigurationException>(() => table.For("gpt-9"));
        Assert.Contains("model gpt-9 has no price in", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_table_with_a_negative_price_is_rejected_naming_the_model()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "prices.json");
        File.WriteAllText(path, """{"version":"p/1","usd_per_million_tokens":{"cheap":{"input":-1,"output":1}}}""");

        var error = Assert.Throws<LlmConfigurationException>(() => PriceTableFile.Load(path));

        Assert.Contains("model cheap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_scales_later_estimates_when_the_provider_counted_more_input_than_estimated()
    {
        LlmCallRecord Call(string id, int estimated, int reported, bool usage) => new(id, 0, "picks", 1, "openai", "m", CallStatus.Ok, estimated, reported, 10, 0.01m, usage);
        var progress = LlmProgress.Empty.WithCall(Call("a", 1000, 900, true)).WithCall(Call("b", 1000, 1250, true)).WithCall(Call("c", 1000, 5000, false));

        Assert.Equal(1.25, progress.Calibration);
        Assert.Equal(1.0, LlmProgress.Empty.WithCall(Call("a", 1000, 800, true)).Calibration);
        Assert.Equal(0.03m, progress.SpentUsd);
    }
}
