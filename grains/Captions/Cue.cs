namespace Highlights.Grains.Captions;

/// <summary>
/// One caption or transcript segment: plain text (markup removed) shown from <see cref="Start"/> to <see cref="End"/> seconds.
/// A transcript from speech recognition also carries its <see cref="Words"/> and the recogniser's
/// <see cref="NoSpeechProbability"/>; captions have neither (null, and absent from the checkpoint).
/// </summary>
public sealed record Cue(double Start, double End, string Text, IReadOnlyList<Word>? Words = null, double? NoSpeechProbability = null)
{
    public double Duration => End - Start;
}
