using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Highlights.Cli.Costs;
using Highlights.Client.Contracts;
using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Costs;
using Highlights.Silo.Database;
using Highlights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Highlights.Cli.Commands;

/// <summary>
/// <c>highlights costs</c>: LLM spend between two instants, grouped by video, model, tenant or day, from the embedded
/// ledger, the cluster's database (every tenant) or a silo's API (the key's tenant); see <see cref="CostSourceChoice"/>.
/// </summary>
public static class CostsCommand
{
    /// <summary>Without <c>--from</c>, the report starts this long before <c>--to</c> (as the API's).</summary>
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public static Command Create()
    {
        var from = new Option<DateTimeOffset?>("--from")
        {
            Description = "Start (ISO 8601 date or instant, UTC unless an offset is given; default 30 days before --to)",
            CustomParser = ParseInstant,
        };
        var to = new Option<DateTimeOffset?>("--to") { Description = "End, exclusive (default now)", CustomParser = ParseInstant };
        var group = new Option<string>("--group") { Description = "Sum by video, model, tenant or day", DefaultValueFactory = _ => "video" };
        group.AcceptOnlyFromAmong([.. CostGroupings.Names]);
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => CostReportOutput.Table };
        format.AcceptOnlyFromAmong(CostReportOutput.Formats);
        var csv = new Option<bool>("--csv") { Description = "Same as --format csv" };
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant (the database and embedded ledgers; an API key sees only its own)" };
        var db = CommonOptions.Db();
        var remote = new RemoteOptions($"Silo URL: read its ledger through the API instead of the embedded one (used with --key or HIGHLIGHTS_KEY; then default HIGHLIGHTS_SERVER, else {RemoteOptions.DefaultServer})");
        var command = remote.AddTo(new Command(
            "costs",
            "LLM spend from the ledger: the embedded one by default, the cluster's with --db or HIGHLIGHTS_DB, a silo's API with --server/--key or HIGHLIGHTS_KEY")
        {
            from, to, group, format, csv, tenant, db,
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var end = (parse.GetValue(to) ?? DateTimeOffset.UtcNow).ToUniversalTime();
            var start = (parse.GetValue(from) ?? end - DefaultWindow).ToUniversalTime();
            var (source, error) = CostSourceChoice.Decide(
                parse.GetValue(db) is not null,
                remote.GivenExplicitly(parse),
                new ConfigurationBuilder().AddHighlightsSources().Build()[DbOptions.Key] is { Length: > 0 },
                Environment.GetEnvironmentVariable("HIGHLIGHTS_KEY") is { Length: > 0 });
            error ??= start > end ? "--from must not be after --to" : null;
            error ??= source == CostSource.Api && parse.GetValue(tenant) is not null ? "--tenant does not apply through the API: a key sees only its own tenant" : null;
            if (error is not null)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
                return ExitCodes.Failed;
            }

            CostGroupings.TryParse(parse.GetValue(group), out var grouping);
            var output = parse.GetValue(csv) ? CostReportOutput.Csv : parse.GetValue(format)!;
            Func<CostReport, int> print = report =>
            {
                Console.Write(CostReportOutput.Write(report, output));
                return ExitCodes.Ok;
            };
            return source switch
            {
                CostSource.Api => await remote.RunAsync(
                    parse, async (_, client, ct) => print(await client.GetCostsAsync(start, end, CostGroupings.Name(grouping), ct)), cancellationToken),
                CostSource.Database => await DatabaseHost.RunAsync(
                    parse.GetValue(db),
                    async (services, ct) => print(await services.GetRequiredService<CostLedger>().SummarizeAsync(parse.GetValue(tenant), start, end, grouping, ct)),
                    cancellationToken,
                    services => services.AddSingleton<CostLedger>()),
                _ => await EmbeddedCommand.RunAsync(
                    verbose: false,
                    (services, _) =>
                    {
                        var entries = services.GetRequiredService<FileCostLedger>().Entries(start, end)
                            .Where(e => parse.GetValue(tenant) is not { } only || e.Tenant == only);
                        return Task.FromResult(print(CostReportBuilder.Build(entries, start, end, grouping)));
                    },
                    cancellationToken),
            };
        });
        return command;
    }

    /// <summary>As the API reads <c>from</c> and <c>to</c>: a date is midnight UTC, an instant without an offset is UTC.</summary>
    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        result.AddError($"'{text}' is not an ISO 8601 date or instant, e.g. 2026-11-01 or 2026-11-01T12:00:00Z");
        return null;
    }
}
