using System.Text.RegularExpressions;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Cli;

/// <summary>Every <c>highlights VERB --option</c> the README shows is an option of that verb, so the README cannot drift from the CLI.</summary>
public sealed partial class ReadmeCommandsTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-readme-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task Every_option_the_readme_shows_is_in_its_verbs_help()
    {
        var cli = new CliProcess(root.FullName);
        var verbs = Commands((await cli.RunAsync("--help")).StandardOutput);
        var helps = new Dictionary<string, string>();
        var missing = new List<string>();
        var checkedOptions = 0;
        foreach (Match use in Use().Matches(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"))))
        {
            var verb = use.Groups["verb"].Value;
            if (!verbs.Contains(verb))
            {
                continue;
            }

            var rest = use.Groups["rest"].Value;
            var help = await HelpAsync(cli, helps, verb);
            if (Word().Match(rest) is { Success: true } sub && Commands(help).Contains(sub.Groups[1].Value))
            {
                verb = $"{verb} {sub.Groups[1].Value}";
                help = await HelpAsync(cli, helps, verb);
            }

            foreach (Match option in OptionName().Matches(rest))
            {
                checkedOptions++;
                if (!Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(option.Value)}([\s,]|$)", RegexOptions.Multiline))
                {
                    missing.Add($"highlights {verb} {option.Value}");
                }
            }
        }

        Assert.True(checkedOptions > 20, $"only {checkedOptions} options found in the README: the pattern no longer matches it");
        Assert.Empty(missing);
    }

    private static async Task<string> HelpAsync(CliProcess cli, Dictionary<string, string> helps, string verb)
    {
        if (!helps.TryGetValue(verb, out var help))
        {
            help = (await cli.RunAsync([.. verb.Split(' '), "--help"])).StandardOutput;
            helps[verb] = help;
        }

        return help;
    }

    /// <summary>The names under a help text's "Commands:" heading.</summary>
    private static HashSet<string> Commands(string help)
    {
        var start = help.IndexOf("Commands:", StringComparison.Ordinal);
        return start < 0
            ? []
            : [.. CommandLine().Matches(help[start..]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"highlights (?<verb>[a-z][a-z-]*)(?<rest>[^#`\n]*)")]
    private static partial Regex Use();

    [GeneratedRegex(@"^\s*([a-z]+)\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();

    [GeneratedRegex(@"^  ([a-z][a-z-]*)\b", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
