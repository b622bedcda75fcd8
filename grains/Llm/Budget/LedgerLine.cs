namespace Highlights.Grains.Llm.Budget;

/// <summary>One line of the ledger file: a reservation, or the settlement that replaces its amount.</summary>
public sealed record LedgerLine(string Id, string Kind, DateTimeOffset At, decimal Usd, string? VideoId = null, string? Provider = null, string? Model = null)
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
}
