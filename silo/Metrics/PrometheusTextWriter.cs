using System.Globalization;
using System.Text;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Writes metric families in the Prometheus text exposition format 0.0.4: HELP and TYPE lines, escaped help and
/// label values, histograms as cumulative <c>_bucket{le=...}</c> series ending in <c>+Inf</c>, then <c>_sum</c> and <c>_count</c>.
/// </summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(IEnumerable<MetricFamily> families, TextWriter writer)
    {
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            writer.Write($"# HELP {family.Name} {EscapeHelp(family.Help)}\n");
            writer.Write($"# TYPE {family.Name} {family.Kind.ToString().ToLowerInvariant()}\n");
            foreach (var series in family.Series)
            {
                if (family.Kind == MetricKind.Histogram && series.Histogram is { } histogram)
                {
                    WriteHistogram(writer, family.Name, series.Labels, histogram);
                }
                else
                {
                    WriteSample(writer, family.Name, series.Labels, series.Value);
                }
            }
        }
    }

    public static string Write(IEnumerable<MetricFamily> families)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(families, writer);
        return writer.ToString();
    }

    private static void WriteHistogram(TextWriter writer, string name, IReadOnlyList<KeyValuePair<string, string>> labels, HistogramValue histogram)
    {
        for (var i = 0; i < histogram.UpperBounds.Count; i++)
        {
            WriteSample(writer, name + "_bucket", [.. labels, new("le", FormatValue(histogram.UpperBounds[i]))], histogram.CumulativeCounts[i]);
        }

        WriteSample(writer, name + "_bucket", [.. labels, new("le", "+Inf")], histogram.Count);
        WriteSample(writer, name + "_sum", labels, histogram.Sum);
        WriteSample(writer, name + "_count", labels, histogram.Count);
    }

    private static void WriteSample(TextWriter writer, string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value)
    {
        writer.Write(name);
        if (labels.Count > 0)
        {
            writer.Write('{');
            writer.Write(string.Join(',', labels.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\"")));
            writer.Write('}');
        }

        writer.Write(' ');
        writer.Write(FormatValue(value));
        writer.Write('\n');
    }

    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>In HELP text only backslash and line feed are escaped.</summary>
    public static string EscapeHelp(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>In label values backslash, double quote and line feed are escaped.</summary>
    public static string EscapeLabelValue(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
