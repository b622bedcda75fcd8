using System.Text;

namespace Highlights.Silo.Metrics;

/// <summary>
/// Turns OpenTelemetry-style instrument names and units into Prometheus names, the way the OpenTelemetry
/// Prometheus exporter does: dots to underscores, the unit as a suffix, <c>_total</c> on counters.
/// </summary>
public static class PrometheusNames
{
    private static readonly Dictionary<string, string> UnitSuffixes = new(StringComparer.Ordinal)
    {
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["By"] = "bytes",
        ["USD"] = "usd",
        ["1"] = "ratio",
    };

    public static string For(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName);
        if (kind == MetricKind.Gauge && name.EndsWith("_count", StringComparison.Ordinal))
        {
            // "_count" is reserved for histogram and summary series; a gauge counting things is named for them.
            name = Pluralise(name[..^"_count".Length]);
        }

        if (unit is not null && UnitSuffixes.TryGetValue(unit, out var suffix) && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        return kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    /// <summary>English plural of the last word: assembly to assemblies, cpu to cpus, box to boxes.</summary>
    public static string Pluralise(string name)
    {
        if (name.Length > 1 && name[^1] == 'y' && !"aeiou".Contains(name[^2], StringComparison.Ordinal))
        {
            return name[..^1] + "ies";
        }

        return name.EndsWith('s') || name.EndsWith('x') || name.EndsWith("ch", StringComparison.Ordinal) || name.EndsWith("sh", StringComparison.Ordinal)
            ? name + "es"
            : name + "s";
    }

    /// <summary>Label names: letters, digits and underscores, not starting with a digit.</summary>
    public static string Label(string key)
    {
        var name = Sanitize(key).Replace(":", "_", StringComparison.Ordinal);
        return name.StartsWith("__", StringComparison.Ordinal) ? name[1..] : name;
    }

    /// <summary>Metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; anything else becomes an underscore.</summary>
    public static string Sanitize(string raw)
    {
        var builder = new StringBuilder(raw.Length + 1);
        foreach (var c in raw)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or ':' ? c : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
