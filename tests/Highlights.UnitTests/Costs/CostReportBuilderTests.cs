using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Costs;

namespace Highlights.UnitTests.Costs;

public sealed class CostReportBuilderTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static readonly LedgerEntry[] Entries =
    [
        Entry("v1", "acme", "gpt-4.1-mini", 0.25m, Day1),
        Entry("v1", "acme", "gpt-4.1-mini", 0.50m, Day1.AddHours(1)),
        Entry("v2", "rival", "gpt-4.1", 2m, Day1.AddDays(1)),
        Entry(null, "acme", "gpt-4.1", 0.10m, Day1.AddDays(1)),
        Entry("v3", "acme", "gpt-4.1", 9m, Day1.AddDays(5)),
    ];

    [Fact]
    public void Groups_by_tenant_sum_calls_tokens_and_dollars_largest_first()
    {
        var report = CostReportBuilder.Build(Entries, Day1, Day1.AddDays(2), CostGrouping.Tenant);

        Assert.Equal("tenant", report.Group);
        Assert.Equal(["rival", "acme"], report.Lines.Select(l => l.Key));
        var acme = report.Lines[1];
        Assert.Equal((3L, 300L, 30L, 0.85m), (acme.Entries, acme.InputTokens, acme.OutputTokens, acme.Usd));
        Assert.Equal(2.85m, report.Total.Usd);
    }

    [Fact]
    public void Days_are_utc_dates_in_order_and_the_end_is_exclusive()
    {
        var report = CostReportBuilder.Build(Entries, Day1, Day1.AddDays(1), CostGrouping.Day);

        var line = Assert.Single(report.Lines);
        Assert.Equal(("2026-11-02", 0.75m), (line.Key, line.Usd));
    }

    [Fact]
    public void Models_are_keyed_with_their_provider_and_calls_without_a_video_are_grouped_as_none()
    {
        var byModel = CostReportBuilder.Build(Entries, Day1, Day1.AddDays(2), CostGrouping.Model);
        var byVideo = CostReportBuilder.Build(Entries, Day1, Day1.AddDays(2), CostGrouping.Video);

        Assert.Equal(["openai/gpt-4.1", "openai/gpt-4.1-mini"], byModel.Lines.Select(l => l.Key));
        Assert.Equal(["v2", "v1", "(none)"], byVideo.Lines.Select(l => l.Key));
    }

    private static LedgerEntry Entry(string? video, string tenant, string model, decimal usd, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), at, video, tenant, "openai", model, 100, 10, usd, Settled: true);
}
