using Highlights.Grains.Captions;

namespace Highlights.Grains.Edl;

/// <summary>
/// Keeps an edited cut out of a spoken word: a segment start or end strictly inside a recognised word moves to that
/// word's nearer edge (its start on a tie). Without
/// timed words (captions, no transcript) nothing moves.
/// </summary>
public sealed class WordBoundaries
{
    private readonly Word[] words;

    public WordBoundaries(IEnumerable<Word> words) => this.words = [.. words.Where(w => w.End > w.Start).OrderBy(w => w.Start)];

    public static WordBoundaries Of(Transcript? transcript) =>
        new(transcript?.Cues.SelectMany(c => c.Words ?? []) ?? []);

    /// <summary>The time nearest <paramref name="seconds"/> that is not inside a word.</summary>
    public double Snap(double seconds)
    {
        foreach (var word in words)
        {
            if (word.Start >= seconds)
            {
                break;
            }

            if (seconds < word.End)
            {
                return seconds - word.Start <= word.End - seconds ? word.Start : word.End;
            }
        }

        return seconds;
    }

    public EdlSegment Snap(EdlSegment segment) => segment with { Start = Snap(segment.Start), End = Snap(segment.End) };
}
