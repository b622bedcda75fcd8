using System.Globalization;
using Highlights.Client.Contracts;
using Highlights.Grains.Llm.Budget;

namespace Highlights.Silo.Costs;

/// <summary>
/// Sums ledger entries into a <see cref="CostReport"/> the way <see cref="CostLedger.SummarizeAsync"/> does in SQL:
/// the same keys, days in order, other groups by largest spend first. Used for the embedded (file) ledger.
/// </summary>
public static class CostReportBuilder
{
    public const string NoVideo = "(none)";

    public static CostReport Build(IEnumerable<LedgerEntry> entries, DateTimeOffset from, DateTimeOffset to, CostGrouping grouping)
    {
        var lines = entries
            .Where(e => e.At >= from && e.At < to)
            .GroupBy(e => KeyOf(e, grouping), StringComparer.Ordinal)
            .Select(g => new CostLine(g.Key, g.Count(), g.Sum(e => e.InputTokens), g.Sum(e => e.OutputTokens), g.Sum(e => e.Usd)));
        var ordered = grouping == CostGrouping.Day
            ? lines.OrderBy(l => l.Key, StringComparer.Ordinal)
            : lines.OrderByDescending(l => l.Usd).ThenBy(l => l.Key, StringComparer.Ordinal);
        var list = ordered.ToList();
        var total = new CostTotals(list.Sum(l => l.Usd), list.Sum(l => l.InputTokens), list.Sum(l => l.OutputTokens));
        return new CostReport(from, to, CostGroupings.Name(grouping), list, total);
    }

    private static string KeyOf(LedgerEntry entry, CostGrouping grouping) => grouping switch
    {
        CostGrouping.Video => entry.VideoId ?? NoVideo,
        CostGrouping.Model => $"{entry.Provider}/{entry.Model}",
        CostGrouping.Tenant => entry.Tenant,
        CostGrouping.Day => entry.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(grouping), grouping, null),
    };
}
