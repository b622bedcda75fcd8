namespace Highlights.Grains.Selection;

/// <summary>
/// The offline selector's tunables, read from <c>prompts/offline-selector.json</c> at run time so they can be
/// changed without a rebuild. docs/llm-selection.md describes the scoring they feed (offline and LLM alike).
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

    /// <summary>Keyword density (weight per word) times this gain, capped at 1, is the keyword factor.</summary>
    public double KeywordGain { get; init; } = 4;

    /// <summary>Floors of the LLM term (score / 100) and the visual reaction term, as for keywords and energy.</summary>
    public double LlmFloor { get; init; } = 0.1;
    public double VisualFloor { get; init; } = 0.2;

    /// <summary>Floor of the agreement of sound and picture (see <see cref="SignalAgreement"/>).</summary>
    public double AgreementFloor { get; init; } = 0.2;

    /// <summary>Weight of each term in the fused score (see <see cref="SignalFusion"/>).</summary>
    public FusionWeights Weights { get; init; } = new();

    /// <summary>Two LLM picks are the same moment when they share this fraction of the shorter one; the better one is kept.</summary>
    public double DuplicateOverlap { get; init; } = 0.5;

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

        if (KeywordFloor < 0 || EnergyFloor < 0 || LlmFloor < 0 || VisualFloor < 0 || AgreementFloor < 0 || KeywordGain <= 0)
        {
            errors.Add("keyword_floor, energy_floor, llm_floor, visual_floor and agreement_floor must be >= 0, keyword_gain > 0");
        }

        if (Weights is null || new[] { Weights.Llm, Weights.Keywords, Weights.Audio, Weights.Visual, Weights.Agreement }.Any(w => w < 0 || double.IsNaN(w)) || Weights.Keywords + Weights.Audio <= 0)
        {
            errors.Add("weights must be >= 0, and keywords or audio must count (> 0) so the offline selector can rank");
        }

        if (DuplicateOverlap is <= 0 or > 1)
        {
            errors.Add($"duplicate_overlap ({DuplicateOverlap}) must be in (0, 1]");
        }

        errors.AddRange(Lexicon.Where(e => e.Value <= 0 || string.IsNullOrWhiteSpace(e.Key)).Select(e => $"lexicon entry '{e.Key}' needs a positive weight"));
        return errors;
    }
}
