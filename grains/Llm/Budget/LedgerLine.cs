using Highlights.Grains.State;

namespace Highlights.Grains.Llm.Budget;

/// <summary>
/// One line of the ledger file: a reservation, or the settlement that replaces its amount. Lines written before
/// tenants and tokens were recorded have neither; they read as the local tenant and zero tokens.
/// </summary>
public sealed record LedgerLine(
    string Id,
    string Kind,
    DateTimeOffset At,
    decimal Usd,
    string? VideoId = null,
    string? Provider = null,
    string? Model = null,
    string? Tenant = null,
    long? InputTokens = null,
    long? OutputTokens = null)
{
    public const string Reserve = "reserve";
    public const string Settle = "settle";

    /// <summary>Sum of a day's lines: each reservation counts at its settlement if there is one, else at its reserved amount.</summary>
    public static decimal Total(IEnumerable<LedgerLine> lines)
    {
        var amounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var settled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Kind == Settle)
            {
                amounts[line.Id] = line.Usd;
                settled.Add(line.Id);
            }
            else if (line.Kind == Reserve && !settled.Contains(line.Id))
            {
                amounts[line.Id] = line.Usd;
            }
        }

        return amounts.Values.Sum();
    }

    /// <summary>Each reservation with its settlement folded in, in the order the reservations were made.</summary>
    public static IReadOnlyList<LedgerEntry> Entries(IEnumerable<LedgerLine> lines)
    {
        var entries = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in lines)
        {
            if (line.Kind == Reserve && !entries.ContainsKey(line.Id))
            {
                order.Add(line.Id);
                entries[line.Id] = new LedgerEntry(
                    line.Id, line.At, line.VideoId, line.Tenant ?? VideoState.LocalTenant, line.Provider ?? "(unknown)", line.Model ?? "(unknown)", 0, 0, line.Usd, Settled: false);
            }
            else if (line.Kind == Settle && entries.TryGetValue(line.Id, out var reserved))
            {
                entries[line.Id] = reserved with { Usd = line.Usd, InputTokens = line.InputTokens ?? 0, OutputTokens = line.OutputTokens ?? 0, Settled = true };
            }
        }

        return [.. order.Select(id => entries[id])];
    }
}
