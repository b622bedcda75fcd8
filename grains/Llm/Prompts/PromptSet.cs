namespace Highlights.Grains.Llm.Prompts;

/// <summary>
/// The prompts of one version: system and user messages that ask a chunk for highlights, and the follow-up message
/// that asks for a corrected answer. <see cref="Version"/> is written into every EDL the prompts helped make.
/// </summary>
public sealed record PromptSet(string Version, PromptTemplate System, PromptTemplate User, PromptTemplate Repair)
{
    public const string ManifestFileName = "llm-highlights.json";

    /// <summary>Rejects templates that use a name no caller will fill, so a typo fails at load, not after paying for chunks.</summary>
    public PromptSet Checked()
    {
        var unknown = new[] { (System, PromptVariables.ForPicks), (User, PromptVariables.ForPicks), (Repair, PromptVariables.ForRepair) }
            .SelectMany(t => t.Item1.Variables.Where(v => !t.Item2.Contains(v)).Select(v => $"{t.Item1.Name}: {{{{${v}}}}}"))
            .ToList();
        return unknown.Count == 0
            ? this
            : throw new PromptTemplateException($"unknown prompt variable(s) {string.Join("; ", unknown)}; known: {string.Join(", ", PromptVariables.ForRepair.Order(StringComparer.Ordinal))}");
    }
}
