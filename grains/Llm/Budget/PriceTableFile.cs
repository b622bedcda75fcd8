using System.Text.Json;
using Highlights.Grains.State;

namespace Highlights.Grains.Llm.Budget;

/// <summary>Reads and checks the price table, failing with the file name and every problem found.</summary>
public static class PriceTableFile
{
    public static PriceTable Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LlmConfigurationException($"LLM price table not found: {path} (set Llm:PriceTable or HIGHLIGHTS_LLM__PRICETABLE)");
        }

        PriceTable? table;
        try
        {
            table = JsonSerializer.Deserialize<PriceTable>(File.ReadAllText(path), StateJson.Options);
        }
        catch (JsonException ex)
        {
            throw new LlmConfigurationException($"{path}: not a valid price table: {ex.Message}");
        }

        var errors = table is null ? ["file is empty"] : table.Validate();
        return errors.Count == 0
            ? table! with { Origin = path, UsdPerMillionTokens = new Dictionary<string, ModelPrice>(table!.UsdPerMillionTokens, StringComparer.OrdinalIgnoreCase) }
            : throw new LlmConfigurationException($"{path}: {string.Join("; ", errors)}");
    }
}
