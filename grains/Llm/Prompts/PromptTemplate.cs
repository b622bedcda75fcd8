using System.Text;
using System.Text.RegularExpressions;

namespace Highlights.Grains.Llm.Prompts;

/// <summary>
/// A prompt with <c>{{name}}</c> placeholders. Values are inserted as they are, in one pass, so a transcript that
/// happens to contain braces is never expanded. Rendering without a value for every placeholder fails, naming them.
/// </summary>
public sealed partial class PromptTemplate
{
    private readonly string text;

    private PromptTemplate(string name, string text, IReadOnlyList<string> variables)
    {
        Name = name;
        this.text = text;
        Variables = variables;
    }

    /// <summary>The file the template came from, for messages.</summary>
    public string Name { get; }

    /// <summary>Placeholder names in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public static PromptTemplate Parse(string name, string text)
    {
        var variables = new List<string>();
        foreach (Match match in Placeholder().Matches(text))
        {
            var variable = match.Groups["name"].Value;
            if (!variables.Contains(variable))
            {
                variables.Add(variable);
            }
        }

        // Anything else that opens like a placeholder is a typo that would reach the model verbatim.
        var stray = Placeholder().Replace(text, string.Empty).IndexOf("{{", StringComparison.Ordinal);
        if (stray >= 0)
        {
            throw new PromptTemplateException($"{name}: malformed placeholder near \"{Excerpt(Placeholder().Replace(text, string.Empty), stray)}\"; write {{{{name}}}} with letters, digits and _");
        }

        return new PromptTemplate(name, text, variables);
    }

    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var missing = Variables.Where(v => !values.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new PromptTemplateException($"{Name}: no value for {string.Join(", ", missing.Select(m => "{{" + m + "}}"))}");
        }

        var rendered = new StringBuilder(text.Length + values.Sum(v => v.Value.Length));
        var position = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            rendered.Append(text, position, match.Index - position).Append(values[match.Groups["name"].Value]);
            position = match.Index + match.Length;
        }

        return rendered.Append(text, position, text.Length - position).ToString();
    }

    private static string Excerpt(string text, int at) => text.Substring(at, Math.Min(24, text.Length - at)).ReplaceLineEndings(" ");

    [GeneratedRegex(@"\{\{\s*(?<name>[a-z_][a-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
