using Highlights.Grains.Captions;

namespace Highlights.Silo.Transcription;

/// <summary>
/// Joins whisper's BPE tokens into words. A token starting with a space begins a word; any other token (the rest of
/// a word, punctuation) continues the current one. A word's probability is the mean of its tokens' (as
/// openai-whisper computes it), and its times are kept inside its segment, since token timestamps are estimates
/// that can stray past it.
/// </summary>
internal static class WordAssembler
{
    /// <param name="segmentText">
    /// The segment's own text. A character split across two tokens reaches us as two replacement characters (each
    /// token's bytes are decoded alone), while the segment's text is decoded whole; spaces are never split, so when
    /// the counts agree each word takes its spelling from the segment.
    /// </param>
    public static IReadOnlyList<Word> Assemble(IReadOnlyList<TokenPiece> tokens, string segmentText, double segmentStart, double segmentEnd)
    {
        var groups = new List<List<TokenPiece>>();
        foreach (var token in tokens)
        {
            if (groups.Count == 0 || token.Text.StartsWith(' '))
            {
                groups.Add([]);
            }

            groups[^1].Add(token);
        }

        groups.RemoveAll(g => string.Concat(g.Select(t => t.Text)).Trim().Length == 0);
        var spelled = segmentText.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var words = new List<Word>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            var text = spelled.Length == groups.Count ? spelled[i] : string.Concat(group.Select(t => t.Text)).Trim();
            var start = Math.Clamp(group[0].Start, segmentStart, segmentEnd);
            words.Add(new Word(start, Math.Clamp(group[^1].End, start, segmentEnd), text, group.Average(t => (double)t.Probability)));
        }

        return words;
    }
}
