using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Llm.Prompts;

/// <summary>
/// Loads the prompt set named by <c>llm-highlights.json</c> in the prompts folder: its version and the files of its
/// three templates. Read at every run, so editing a prompt needs no rebuild.
/// </summary>
public static class PromptSetFile
{
    public static PromptSet Load(string directory)
    {
        var manifestPath = Path.Combine(directory, PromptSet.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new PromptTemplateException($"prompt manifest not found: {manifestPath} (set Prompts:Directory or HIGHLIGHTS_PROMPTS__DIRECTORY)");
        }

        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifestPath), StateJson.Options);
        }
        catch (JsonException ex)
        {
            throw new PromptTemplateException($"{manifestPath}: not a valid prompt manifest: {ex.Message}");
        }

        if (manifest is null || string.IsNullOrWhiteSpace(manifest.Version) || manifest.System is null || manifest.User is null || manifest.Repair is null)
        {
            throw new PromptTemplateException($"{manifestPath}: needs version, system, user and repair");
        }

        return new PromptSet(
            manifest.Version,
            Template(directory, manifest.System),
            Template(directory, manifest.User),
            Template(directory, manifest.Repair)).Checked();
    }

    private static PromptTemplate Template(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path)
            ? PromptTemplate.Parse(file, File.ReadAllText(path))
            : throw new PromptTemplateException($"prompt template not found: {path}");
    }

    private sealed record Manifest(string? Version, string? System, string? User, string? Repair);
}
