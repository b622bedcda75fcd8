using System.Text.Json.Nodes;

namespace Highlights.Grains.Llm.Answers;

/// <summary>
/// The answer schema, docs/llm-candidates.schema.json, built into the assembly: it is a contract with
/// <see cref="LlmAnswerParser"/>, so it changes with the code, not at run time. Providers are sent a copy without the
/// numeric, length and pattern constraints, which strict structured outputs reject on some models; the parser still
/// enforces them.
/// </summary>
public static class CandidateSchema
{
    public const string Name = "highlight_candidates";

    private static readonly string[] ConstraintKeywords =
    [
        "$schema", "$id", "title", "pattern", "format", "minLength", "maxLength", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "multipleOf",
    ];

    public static string Published { get; } = ReadResource();

    public static LlmResponseSchema ForProvider { get; } = new(Name, WithoutConstraints(Published));

    /// <summary>The schema with every constraint keyword removed from every schema object (property names are left alone).</summary>
    public static string WithoutConstraints(string schemaJson)
    {
        var root = JsonNode.Parse(schemaJson)!.AsObject();
        Strip(root);
        return root.ToJsonString();
    }

    private static void Strip(JsonObject schema)
    {
        foreach (var keyword in ConstraintKeywords)
        {
            schema.Remove(keyword);
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, property) in properties)
            {
                if (property is JsonObject child)
                {
                    Strip(child);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Strip(items);
        }
    }

    private static string ReadResource()
    {
        const string resource = "Highlights.Grains.llm-candidates.schema.json";
        using var stream = typeof(CandidateSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"resource {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
