namespace Highlights.Grains.Selection;

/// <summary>Keyword density: summed lexicon weights of the words and phrases found, per word of text.</summary>
public sealed class KeywordMatcher(IReadOnlyDictionary<string, double> lexicon)
{
    private readonly (string[] Words, double Weight, string Entry)[] entries = lexicon
        .Select(e => (Tokenize(e.Key), e.Value, e.Key.ToLowerInvariant()))
        .Where(e => e.Item1.Length > 0)
        .ToArray();

    public (double Density, IReadOnlyList<string> Found) Measure(string text)
    {
        var words = Tokenize(text);
        if (words.Length == 0)
        {
            return (0, []);
        }

        double weight = 0;
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (phrase, entryWeight, entry) in entries)
        {
            var hits = CountOccurrences(words, phrase);
            if (hits > 0)
            {
                weight += hits * entryWeight;
                found.Add(entry);
            }
        }

        return (weight / words.Length, found.ToList());
    }

    /// <summary>Lower-case words of letters, digits and apostrophes; everything else separates.</summary>
    public static string[] Tokenize(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = text[start..i].Trim('\'').ToLowerInvariant();
                if (word.Length > 0)
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        return words.ToArray();
    }

    private static int CountOccurrences(string[] words, string[] phrase)
    {
        var count = 0;
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                count++;
            }
        }

        return count;
    }
}
