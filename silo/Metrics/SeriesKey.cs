namespace Highlights.Silo.Metrics;

/// <summary>Labels of one measurement in a canonical order, so equal tag sets map to one series.</summary>
internal static class SeriesKey
{
    public static (string Key, KeyValuePair<string, string>[] Labels) From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            labels[i] = new(PrometheusNames.Label(tags[i].Key), Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return (string.Join('\u0001', labels.Select(l => l.Key + "\u0002" + l.Value)), labels);
    }
}
