using Highlights.Client.Contracts;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Costs;

/// <summary>
/// Reports over the <c>cost_ledger</c> table (one row per LLM call, written by <see cref="PostgresCostLedger"/>): a
/// video's total for its status, and spend between two instants grouped for the API and <c>highlights costs</c>.
/// </summary>
public sealed class CostLedger(NpgsqlDataSource db)
{
    public async Task<CostTotals> TotalForVideoAsync(string tenant, string videoId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            select coalesce(sum(usd), 0), coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0)
            from cost_ledger where tenant = @tenant and video_id = @video
            """);
        command.With("tenant", tenant).With("video", videoId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CostTotals(reader.GetDecimal(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>
    /// Spend in [<paramref name="from"/>, <paramref name="to"/>), one line per group key, largest spend first (days in
    /// order): of one tenant, or of every tenant when <paramref name="tenant"/> is null (operators, with the database).
    /// </summary>
    public async Task<CostReport> SummarizeAsync(string? tenant, DateTimeOffset from, DateTimeOffset to, CostGrouping group, CancellationToken cancellationToken)
    {
        var key = group switch
        {
            CostGrouping.Video => $"coalesce(video_id, '{CostReportBuilder.NoVideo}')",
            CostGrouping.Model => "provider || '/' || model",
            CostGrouping.Tenant => "tenant",
            CostGrouping.Day => "to_char(at at time zone 'UTC', 'YYYY-MM-DD')",
            _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
        };
        await using var command = db.CreateCommand(
            $"""
            select key, count(*), sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(usd)
            from (
                select {key} as key, input_tokens, output_tokens, usd from cost_ledger
                where (@tenant::text is null or tenant = @tenant) and at >= @from and at < @to
            ) calls
            group by key
            order by {(group == CostGrouping.Day ? "key" : "5 desc, key collate \"C\"")}
            """);
        command.With("tenant", tenant).WithTimestamp("from", from).WithTimestamp("to", to);
        var lines = new List<CostLine>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(new CostLine(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetDecimal(4)));
            }
        }

        var total = new CostTotals(lines.Sum(l => l.Usd), lines.Sum(l => l.InputTokens), lines.Sum(l => l.OutputTokens));
        return new CostReport(from, to, CostGroupings.Name(group), lines, total);
    }
}
