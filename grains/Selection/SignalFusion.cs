namespace Highlights.Grains.Selection;

/// <summary>
/// Fuses a candidate's terms into one score: the weighted geometric mean of (floor + value) over the terms present,
/// <c>exp(Σ wᵢ·ln(floorᵢ + vᵢ) / Σ wᵢ)</c>. The floor keeps a weak term from vetoing the others; dividing by the
/// weights present makes candidates with different terms (an LLM pick, an offline window) comparable. The agreement
/// term (<see cref="SignalAgreement"/>) rewards what sound and picture mark together, so loudness alone or a cut alone
/// does not make a highlight. With equal weights, no LLM term and no picture this ranks exactly as the foundation's
/// product of keyword and energy factors.
/// </summary>
public static class SignalFusion
{
    public static double Fuse(SignalScores scores, OfflineSelectorSettings settings)
    {
        var weights = settings.Weights;
        var weighted = 0.0;
        var total = 0.0;
        Add(scores.Llm, settings.LlmFloor, weights.Llm);
        Add(scores.Keywords, settings.KeywordFloor, weights.Keywords);
        Add(scores.Audio, settings.EnergyFloor, weights.Audio);
        Add(scores.Visual, settings.VisualFloor, weights.Visual);
        Add(scores.Agreement, settings.AgreementFloor, weights.Agreement);
        return total > 0 ? Math.Exp(weighted / total) : 0;

        void Add(double? value, double floor, double weight)
        {
            if (value is { } v && weight > 0)
            {
                weighted += weight * Math.Log(floor + Math.Clamp(v, 0, 1));
                total += weight;
            }
        }
    }
}
