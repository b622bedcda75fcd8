namespace Highlights.Grains.Captions;

/// <summary>One recognised word, seconds from the start of the source; <see cref="Probability"/> is the recogniser's confidence, 0..1.</summary>
public sealed record Word(double Start, double End, string Text, double Probability);
