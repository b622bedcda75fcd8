namespace Highlights.Grains.Selection;

/// <summary>A stretch with no word spoken, from <see cref="Start"/> to <see cref="End"/> seconds: a cut anywhere in it splits no word.</summary>
public sealed record PauseSpan(double Start, double End, string Kind)
{
    public const string BetweenCues = "pause between cues";
    public const string BetweenWords = "pause between words";
    public const string Quiet = "quiet pause in the speech";
}
