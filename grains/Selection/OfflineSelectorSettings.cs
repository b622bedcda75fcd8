namespace Highlights.Grains.Selection;

/// <summary>
/// The offline selector's tunables, read from <c>prompts/offline-selector.json</c> at run time so they can be
/// changed without a rebuild. See docs/selection.md for the scoring rule they feed.
/// </summary>
public sealed record OfflineSelectorSettings
{
    /// <summary>Recorded in every EDL so a result can be traced to the lexicon and weights that made it.</summary>
    public required string Version { get; init; }

    public double MinClipSeconds { get; init; } = 4;
    public double MaxClipSeconds { get; init; } = 20;

    /// <summary>Window length when there is no transcript to snap to.</summary>
    public double WindowSeconds { get; init; } = 10;

    /// <summary>Added to each factor so a window with no keywords (or no energy) can still rank on the other one.</summary>
    public double KeywordFloor { get; init; } = 0.2;
    public double EnergyFloor { get; init; } = 0.2;

    /// <summary>
    /// Added to the mean visual reaction to make the visual factor. Higher than the others: on screen, a talk or a
    /// podcast changes little, so the picture should tip the balance rather than dominate it.
    /// </summary>
    public double VisualFloor { get; init; } = 0.5;

    /// <summary>Keyword density (weight per word) times this gain, capped at 1, is the keyword factor.</summary>
    public double KeywordGain { get; init; } = 4;

    /// <summary>Lower-case word or phrase to weight; phrases match on word boundaries.</summary>
    public IReadOnlyDictionary<string, double> Lexicon { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Version))
        {
            errors.Add("version must be set");
        }

        if (MinClipSeconds <= 0 || MaxClipSeconds < MinClipSeconds)
        {
            errors.Add($"min_clip_seconds ({MinClipSeconds}) must be > 0 and <= max_clip_seconds ({MaxClipSeconds})");
        }

        if (WindowSeconds < MinClipSeconds || WindowSeconds > MaxClipSeconds)
        {
            errors.Add($"window_seconds ({WindowSeconds}) must lie between min_clip_seconds and max_clip_seconds");
        }

        if (KeywordFloor < 0 || EnergyFloor < 0 || KeywordGain <= 0)
        {
            errors.Add("keyword_floor and energy_floor must be >= 0, keyword_gain > 0");
        }

        if (VisualFloor < 0)
        {
            errors.Add($"visual_floor ({VisualFloor}) must be >= 0");
        }

        errors.AddRange(Lexicon.Where(e => e.Value <= 0 || string.IsNullOrWhiteSpace(e.Key)).Select(e => $"lexicon entry '{e.Key}' needs a positive weight"));
        return errors;
    }
}
