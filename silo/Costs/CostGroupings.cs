using System.Globalization;

namespace Highlights.Silo.Costs;

/// <summary>The names of <see cref="CostGrouping"/> as the API and the CLI spell them.</summary>
public static class CostGroupings
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<CostGrouping>().Select(Name)];

    public static string Name(CostGrouping grouping) => grouping.ToString().ToLower(CultureInfo.InvariantCulture);

    public static bool TryParse(string? name, out CostGrouping grouping)
    {
        foreach (var candidate in Enum.GetValues<CostGrouping>())
        {
            if (Name(candidate) == name)
            {
                grouping = candidate;
                return true;
            }
        }

        grouping = default;
        return false;
    }

    /// <summary>"video, model, tenant or day", for messages.</summary>
    public static string Choices => $"{string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";
}
