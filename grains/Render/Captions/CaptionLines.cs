namespace Highlights.Grains.Render.Captions;

/// <summary>
/// Groups timed words into short caption lines: a line closes before it would pass <paramref name="maxCharacters"/>,
/// and at a pause, so a line never spans a silence.
/// </summary>
public static class CaptionLines
{
    public const double PauseSeconds = 0.6;

    public static IReadOnlyList<IReadOnlyList<CaptionWord>> Group(IReadOnlyList<CaptionWord> words, int maxCharacters)
    {
        var lines = new List<IReadOnlyList<CaptionWord>>();
        var current = new List<CaptionWord>();
        var length = 0;
        foreach (var word in words)
        {
            var pause = current.Count > 0 && word.Start - current[^1].End >= PauseSeconds;
            if (current.Count > 0 && (pause || length + 1 + word.Text.Length > maxCharacters))
            {
                lines.Add(current);
                current = [];
                length = 0;
            }

            length += (current.Count > 0 ? 1 : 0) + word.Text.Length;
            current.Add(word);
        }

        if (current.Count > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}
