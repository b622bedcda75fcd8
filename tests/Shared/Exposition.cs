using System.Globalization;
using System.Text;
using Prometheus;

namespace Highlights.TestSupport;

/// <summary>One sample line of the Prometheus text format: <c>name{label="value",...} number</c>.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

/// <summary>Reads back what a registry exports, so tests assert on the page a scraper gets, not on the objects behind it.</summary>
public static class Exposition
{
    public static async Task<string> TextAsync(CollectorRegistry registry)
    {
        using var page = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(page);
        return Encoding.UTF8.GetString(page.ToArray());
    }

    public static async Task<IReadOnlyList<Sample>> SamplesAsync(CollectorRegistry registry) => Parse(await TextAsync(registry));

    /// <summary>The samples named <paramref name="name"/> that carry every given label.</summary>
    public static IEnumerable<Sample> Matching(this IEnumerable<Sample> samples, string name, params (string Label, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value));

    public static IReadOnlyList<Sample> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(ParseLine)];

    private static Sample ParseLine(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var nameEnd = line.IndexOfAny(['{', ' ']);
        var i = nameEnd;
        if (line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var equals = line.IndexOf('=', i);
                var key = line[i..equals];
                var value = new StringBuilder();
                for (i = equals + 2; line[i] != '"'; i++)
                {
                    value.Append(line[i] == '\\' ? Unescape(line[++i]) : line[i]);
                }

                labels[key] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        var number = line[(i + 1)..].Split(' ')[0];
        return new Sample(line[..nameEnd], labels, double.Parse(number, CultureInfo.InvariantCulture));
    }

    private static char Unescape(char c) => c == 'n' ? '\n' : c;
}
