namespace Highlights.Grains.Captions;

/// <summary>One caption or transcript segment: plain text (markup removed) shown from <see cref="Start"/> to <see cref="End"/> seconds.</summary>
public sealed record Cue(double Start, double End, string Text)
{
    public double Duration => End - Start;
}
