namespace Highlights.Grains.Edl;

/// <summary>A transcript cue inside a segment, in source seconds; <see cref="Words"/> when the transcript timed them.</summary>
public sealed record EdlCue(double Start, double End, string Text, IReadOnlyList<EdlWord>? Words = null);

public sealed record EdlWord(double Start, double End, string Text);
