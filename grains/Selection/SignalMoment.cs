namespace Highlights.Grains.Selection;

/// <summary>Signal events that overlap, as one moment: every rise is a possible start, every fall a possible end.</summary>
public sealed record SignalMoment(IReadOnlyList<SignalEdge> Rises, IReadOnlyList<SignalEdge> Falls);
