namespace Highlights.Grains.Selection;

/// <summary>How much each term counts in the fused score (exponents of a weighted geometric mean; 0 leaves a term out).</summary>
public sealed record FusionWeights
{
    public double Llm { get; init; } = 2;
    public double Keywords { get; init; } = 1;
    public double Audio { get; init; } = 1;
    public double Visual { get; init; } = 1;

    /// <summary>Sound and picture marking the same steps (<see cref="SignalAgreement"/>).</summary>
    public double Agreement { get; init; } = 1;
}
