using Microsoft.SemanticKernel;

namespace Highlights.Grains.Llm.Prompts;

/// <summary>
/// A prompt file as a Semantic Kernel prompt template: <c>{{$name}}</c> variables in SK's own template syntax, rendered
/// by SK. Each rendering becomes one message's content as it stands (it is never parsed as chat markup), so values are
/// inserted verbatim rather than HTML-encoded: a transcript's "&amp;" or "&lt;" reaches the model as spoken. Values are
/// never expanded again, and rendering without a value for every variable fails, naming them.
/// </summary>
public sealed class PromptTemplate
{
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    // Templates call no functions, so rendering needs no services.
    private static readonly Kernel Renderer = new();

    private readonly IPromptTemplate template;

    private PromptTemplate(string name, IPromptTemplate template, IReadOnlyList<string> variables)
    {
        Name = name;
        this.template = template;
        Variables = variables;
    }

    /// <summary>The file the template came from, for messages.</summary>
    public string Name { get; }

    /// <summary>Variable names in order of first use.</summary>
    public IReadOnlyList<string> Variables { get; }

    public static PromptTemplate Parse(string name, string text)
    {
        var config = new PromptTemplateConfig(text) { Name = name };
        IPromptTemplate template;
        try
        {
            template = Factory.Create(config);
        }
        catch (KernelException ex)
        {
            throw Malformed(name, $": {ex.Message}");
        }

        var parsed = new PromptTemplate(name, template, [.. config.InputVariables.Select(v => v.Name)]);

        // A block that is not a variable (a function call, an unclosed brace) would fail or reach the model verbatim.
        string trial;
        try
        {
            trial = parsed.RenderAsync(parsed.Variables.ToDictionary(v => v, _ => string.Empty)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is KernelException or KeyNotFoundException)
        {
            throw Malformed(name, $": {ex.Message}");
        }

        return trial.Contains("{{", StringComparison.Ordinal)
            ? throw Malformed(name, $" near \"{Excerpt(trial, trial.IndexOf("{{", StringComparison.Ordinal))}\"")
            : parsed;
    }

    public async Task<string> RenderAsync(IReadOnlyDictionary<string, string> values)
    {
        var missing = Variables.Where(v => !values.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new PromptTemplateException($"{Name}: no value for {string.Join(", ", missing.Select(m => "{{$" + m + "}}"))}");
        }

        var arguments = new KernelArguments();
        foreach (var variable in Variables)
        {
            arguments[variable] = values[variable];
        }

        return await template.RenderAsync(Renderer, arguments);
    }

    private static PromptTemplateException Malformed(string name, string detail) =>
        new($"{name}: malformed placeholder{detail}; write {{{{$name}}}} with letters, digits and _");

    private static string Excerpt(string text, int at) => text.Substring(at, Math.Min(24, text.Length - at)).ReplaceLineEndings(" ");
}
