namespace Highlights.Grains.Edl;

public enum TransitionKind
{
    Cut,
    Crossfade,
}

/// <summary>
/// How a segment follows the one before it. A crossfade overlaps the last <see cref="Frames"/> of the previous
/// segment with the first of this one, picture and sound, so the reel is that much shorter than the sum of the cuts.
/// </summary>
public sealed record EdlTransition(TransitionKind Type, int Frames, double Duration)
{
    public static EdlTransition Cut { get; } = new(TransitionKind.Cut, 0, 0);
}
