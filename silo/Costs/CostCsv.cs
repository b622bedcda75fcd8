using System.Globalization;
using System.Text;
using Highlights.Client.Contracts;

namespace Highlights.Silo.Costs;

/// <summary><c>GET /v1/costs</c> as CSV (RFC 4180): a header, one line per group, invariant culture numbers.</summary>
public static class CostCsv
{
    public static string Write(CostReport report)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"{report.Group},entries,input_tokens,output_tokens,usd\r\n");
        foreach (var line in report.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(line.Key)},{line.Entries},{line.InputTokens},{line.OutputTokens},{line.Usd:0.000000}\r\n");
        }

        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny("\",\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
