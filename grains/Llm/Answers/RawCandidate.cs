namespace Highlights.Grains.Llm.Answers;

/// <summary>One candidate as the model answered it, times read from its markers but not yet clamped or snapped.</summary>
public sealed record RawCandidate(double Start, double End, string Title, string Hook, string Reason, int Score, string Quote);
