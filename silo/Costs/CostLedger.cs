using System.Globalization;
using Highlights.Client.Contracts;
using Highlights.Silo.Database;
using Npgsql;

namespace Highlights.Silo.Costs;

/// <summary>The <c>cost_ledger</c> table: one row per paid call (LLM tokens and dollars), summed per tenant for the API.</summary>
public sealed class CostLedger(NpgsqlDataSource db)
{
    public async Task RecordAsync(CostEntry entry, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            insert into cost_ledger (video_id, tenant, provider, model, input_tokens, output_tokens, usd, at)
            values (@video, @tenant, @provider, @model, @input, @output, @usd, @at)
            """);
        command.With("video", entry.VideoId)
            .With("tenant", entry.Tenant)
            .With("provider", entry.Provider)
            .With("model", entry.Model)
            .With("input", entry.InputTokens)
            .With("output", entry.OutputTokens)
            .With("usd", entry.Usd)
            .WithTimestamp("at", entry.At);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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

    /// <summary>The tenant's spend in [<paramref name="from"/>, <paramref name="to"/>), one line per group key, largest spend first.</summary>
    public async Task<CostReport> SummarizeAsync(string tenant, DateTimeOffset from, DateTimeOffset to, CostGrouping group, CancellationToken cancellationToken)
    {
        var key = group switch
        {
            CostGrouping.Video => "coalesce(video_id, '(none)')",
            CostGrouping.Model => "provider || '/' || model",
            CostGrouping.Day => "to_char(at at time zone 'UTC', 'YYYY-MM-DD')",
            _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
        };
        await using var command = db.CreateCommand(
            $"""
            select {key} as key, count(*), sum(input_tokens)::bigint, sum(output_tokens)::bigint, sum(usd)
            from cost_ledger
            where tenant = @tenant and at >= @from and at < @to
            group by 1
            order by {(group == CostGrouping.Day ? "1" : "5 desc, 1")}
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
        return new CostReport(from, to, group.ToString().ToLower(CultureInfo.InvariantCulture), lines, total);
    }
}
