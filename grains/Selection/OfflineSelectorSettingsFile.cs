using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Selection;

/// <summary>Loads and validates <see cref="OfflineSelectorSettings"/> from a JSON file, failing with the file name and every problem found.</summary>
public static class OfflineSelectorSettingsFile
{
    public const string FileName = "offline-selector.json";

    public static OfflineSelectorSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"offline selector settings not found: {path} (set Prompts:Directory or HIGHLIGHTS_PROMPTS__DIRECTORY)", path);
        }

        OfflineSelectorSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<OfflineSelectorSettings>(File.ReadAllText(path), StateJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not valid selector settings: {ex.Message}", ex);
        }

        var errors = settings?.Validate() ?? ["file is empty"];
        return errors.Count == 0 ? settings! : throw new InvalidDataException($"{path}: {string.Join("; ", errors)}");
    }
}
