using System.CommandLine;
using System.CommandLine.Parsing;

namespace Highlights.Cli.Commands;

/// <summary>
/// The one line a bad command line gets: which option or word was wrong and what it expects, or the option the user
/// probably meant. System.CommandLine's own output (every error, then the whole help) buries the cause.
/// </summary>
public static class ParseErrorLine
{
    public static string Format(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.FirstOrDefault() is { } unmatched)
        {
            return Unmatched(unmatched, command);
        }

        var error = parse.Errors[0];
        if (OptionOf(error.SymbolResult) is not { } option || !IsValueOfWrongForm(error, option))
        {
            return error.Message;
        }

        var given = string.Join(' ', OptionTokens(error.SymbolResult));
        return $"{option.Name} expects {ExpectedForm(option.ValueType)}" + (given.Length > 0 ? $", got '{given}'" : string.Empty);
    }

    private static string Unmatched(string token, Command command)
    {
        var verb = command.Parents.Any() ? $"highlights {command.Name}" : "highlights";
        if (!token.StartsWith('-'))
        {
            return Closest(token, command.Subcommands.Select(c => c.Name)) is { } verbGuess
                ? $"unknown command '{token}'; did you mean {verbGuess}?"
                : $"unexpected argument '{token}'; see {verb} --help";
        }

        var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--"));
        return Closest(token, names) is { } guess
            ? $"unknown option {token}; did you mean {guess}?"
            : $"unknown option {token}; see {verb} --help";
    }

    /// <summary>The nearest name within a third of the typed word's length, so a typo is matched and a stranger is not.</summary>
    internal static string? Closest(string typed, IEnumerable<string> names) =>
        names.Select(name => (name, distance: EditDistance(typed, name)))
            .Where(c => c.distance <= Math.Max(1, typed.Length / 3))
            .OrderBy(c => c.distance)
            .Select(c => c.name)
            .FirstOrDefault();

    internal static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static Option? OptionOf(SymbolResult? result) => result switch
    {
        OptionResult o => o.Option,
        ArgumentResult { Parent: OptionResult o } => o.Option,
        _ => null,
    };

    private static IEnumerable<string> OptionTokens(SymbolResult? result) => result?.Tokens.Select(t => t.Value) ?? [];

    /// <summary>A value that did not convert, or none at all; a range rule's own message already names its option.</summary>
    private static bool IsValueOfWrongForm(ParseError error, Option option) =>
        option.ValueType != typeof(string)
        && (error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal)
            || error.Message.StartsWith("Required argument missing", StringComparison.Ordinal));

    internal static string ExpectedForm(Type type)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        return core switch
        {
            _ when core == typeof(int) || core == typeof(long) => "a whole number",
            _ when core == typeof(double) || core == typeof(decimal) || core == typeof(float) => "a number",
            _ when core == typeof(bool) => "true or false",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(core).Select(n => n.ToLowerInvariant())),
            _ => "a " + core.Name.ToLowerInvariant(),
        };
    }
}
