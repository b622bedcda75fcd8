using System.Text.Json.Serialization;

namespace Highlights.Grains.Llm.Budget;

/// <summary>USD per million input and output tokens for each model, from <c>llm-prices.json</c>; its version goes into the EDL.</summary>
public sealed record PriceTable(string Version, IReadOnlyDictionary<string, ModelPrice> UsdPerMillionTokens)
{
    public const string FileName = "llm-prices.json";

    /// <summary>Where the table was read from, for messages.</summary>
    [JsonIgnore]
    public string Origin { get; init; } = FileName;

    /// <summary>The model's price; a model without one cannot be used, because no call of it could be checked against a budget.</summary>
    public ModelPrice For(string model) =>
        UsdPerMillionTokens.TryGetValue(model, out var price)
            ? price
            : throw new LlmConfigurationException(
                $"model {model} has no price in {Origin}: add it (USD per 1M input and output tokens; 0 for a local server) or choose one of {string.Join(", ", UsdPerMillionTokens.Keys.Order(StringComparer.Ordinal))}");

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Version))
        {
            errors.Add("version must be set");
        }

        if (UsdPerMillionTokens.Count == 0)
        {
            errors.Add("usd_per_million_tokens lists no model");
        }

        errors.AddRange(UsdPerMillionTokens
            .Where(p => p.Value is null || p.Value.Input < 0 || p.Value.Output < 0)
            .Select(p => $"model {p.Key}: input and output prices must be numbers >= 0"));
        return errors;
    }
}
