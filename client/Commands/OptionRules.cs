using System.CommandLine;

namespace Highlights.Cli.Commands;

/// <summary>Range rules and lowercase choices for options, so every option reads and fails the same way.</summary>
public static class OptionRules
{
    /// <summary>
    /// Rejects a converted value with <paramref name="message"/>. A value that did not convert (<c>--target abc</c>) is
    /// left to the parser's own conversion error: reading it here would throw out of <c>Parse</c> with a stack trace.
    /// </summary>
    public static Option<T> Reject<T>(this Option<T> option, Func<T, bool> isBad, string message)
    {
        option.Validators.Add(result =>
        {
            T? value;
            try
            {
                value = result.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }

            if (value is not null && isBad(value))
            {
                result.AddError(message);
            }
        });
        return option;
    }

    /// <summary>Shows an enum option's values in lowercase, as the README and every other option spell them; input is case-blind.</summary>
    public static Option<T> LowercaseChoices<T>(this Option<T> option)
    {
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        option.HelpName = string.Join('|', Enum.GetNames(type).Select(name => name.ToLowerInvariant()));
        return option;
    }
}
