using System.Globalization;
using System.Text.Json;
using Highlights.Client.Contracts;
using Highlights.Silo.Costs;

namespace Highlights.Cli.Costs;

/// <summary>
/// Prints a cost report as an aligned table, CSV (the API's columns) or JSON (the API's document). The three name the
/// same fields alike (<c>entries</c>, not <c>calls</c>); JSON spells them camelCase as every API document does and
/// CSV snake_case as its header always has, so neither changes for scripts reading the API.
/// </summary>
public static class CostReportOutput
{
    public const string Table = "table";
    public const string Csv = "csv";
    public const string Json = "json";

    public static readonly string[] Formats = [Table, Csv, Json];

    private static readonly JsonSerializerOptions Pretty = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(CostReport report, string format) => format switch
    {
        Csv => CostCsv.Write(report),
        Json => JsonSerializer.Serialize(report, Pretty) + "\n",
        Table => WriteTable(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"format must be {string.Join(", ", Formats)}"),
    };

    private static string WriteTable(CostReport report)
    {
        var width = Math.Max(report.Group.Length, report.Lines.Select(l => l.Key.Length).DefaultIfEmpty(0).Max());
        width = Math.Max(width, "total".Length);
        var table = new System.Text.StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"{report.Group.PadRight(width)}  {"usd",12}  {"input tokens",12}  {"output tokens",13}  {"entries",7}\n");
        foreach (var line in report.Lines)
        {
            table.Append(CultureInfo.InvariantCulture, $"{line.Key.PadRight(width)}  {line.Usd,12:0.000000}  {line.InputTokens,12}  {line.OutputTokens,13}  {line.Entries,7}\n");
        }

        var total = report.Total;
        table.Append(CultureInfo.InvariantCulture, $"{"total".PadRight(width)}  {total.Usd,12:0.000000}  {total.InputTokens,12}  {total.OutputTokens,13}  {report.Lines.Sum(l => l.Entries),7}\n");
        table.Append(CultureInfo.InvariantCulture, $"({report.From.UtcDateTime:yyyy-MM-dd HH:mm:ss} to {report.To.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)\n");
        return table.ToString();
    }
}
