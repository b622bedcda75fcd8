using System.Text;
using Highlights.Whisper.Native;

namespace Highlights.Whisper;

/// <summary>
/// Joins whisper's BPE tokens into words. A token starting with a space begins a word; any other token (the rest of
/// a word, punctuation) continues the current one. Bytes are joined before decoding because one character can be
/// split across two tokens. A word's probability is the mean of its tokens' (as openai-whisper computes it), and
/// its times are kept inside its segment, since token timestamps are estimates that can stray past it.
/// </summary>
internal static class WordAssembler
{
    public static IReadOnlyList<WhisperWord> Assemble(IReadOnlyList<TokenPiece> tokens, double segmentStart, double segmentEnd)
    {
        var words = new List<WhisperWord>();
        var bytes = new List<byte>();
        var start = 0.0;
        var end = 0.0;
        var probabilitySum = 0.0;
        var count = 0;

        void Flush()
        {
            var text = Encoding.UTF8.GetString(bytes.ToArray()).Trim();
            if (text.Length > 0)
            {
                var wordStart = Math.Clamp(start, segmentStart, segmentEnd);
                words.Add(new WhisperWord(wordStart, Math.Clamp(end, wordStart, segmentEnd), text, (float)(probabilitySum / count)));
            }

            bytes.Clear();
            probabilitySum = 0;
            count = 0;
        }

        foreach (var token in tokens)
        {
            if (count > 0 && token.Utf8.Length > 0 && token.Utf8[0] == (byte)' ')
            {
                Flush();
            }

            if (count == 0)
            {
                start = token.Start;
            }

            bytes.AddRange(token.Utf8);
            end = token.End;
            probabilitySum += token.Probability;
            count++;
        }

        if (count > 0)
        {
            Flush();
        }

        return words;
    }
}
