using System.Reflection;

namespace Highlights.Cli.Demo;

/// <summary>A line of the demo talk; <see cref="Excited"/> lines get crowd noise under them.</summary>
public sealed record DemoLine(string Text, bool Excited);

public static class DemoScript
{
    public static IReadOnlyList<DemoLine> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Highlights.Cli.Demo.demo-script.txt")
            ?? throw new InvalidOperationException("demo script resource is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<DemoLine> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.StartsWith('!') ? new DemoLine(line[1..].Trim(), true) : new DemoLine(line, false))
            .ToList();
}
