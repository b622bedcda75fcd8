namespace Highlights.Grains.Llm;

/// <summary>
/// A conservative token count for text no tokenizer has seen, tuned against OpenAI's o200k_base so that it
/// overestimates speech transcripts by about a third (bench/llm-tokens.sh measures it). It must err high: the budget
/// check counts a call at this estimate, and an underestimate could let a call overrun the budget.
/// </summary>
public static class TokenEstimator
{
    /// <summary>Role markers and separators the chat format adds around each message.</summary>
    public const int PerMessage = 4;

    /// <summary>Tokens that prime the reply.</summary>
    public const int PerRequest = 3;

    /// <summary>
    /// Letters count one token per started four (common words are one token, long or rare ones split); digits one per
    /// started three (numbers are split in groups of three); spaces nothing (they merge into the next word); line breaks,
    /// punctuation and other ASCII one each; other letters one less than their UTF-8 length (at least one), other
    /// symbols (emoji) one per UTF-8 byte.
    /// </summary>
    public static int Estimate(string text)
    {
        var tokens = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c))
            {
                var run = RunLength(text, i, char.IsAsciiLetter);
                tokens += (run + 3) / 4;
                i += run;
            }
            else if (char.IsAsciiDigit(c))
            {
                var run = RunLength(text, i, char.IsAsciiDigit);
                tokens += (run + 2) / 3;
                i += run;
            }
            else if (c == ' ')
            {
                i++;
            }
            else if (c < 128)
            {
                tokens++;
                i++;
            }
            else
            {
                var rune = System.Text.Rune.GetRuneAt(text, i);
                tokens += System.Text.Rune.IsLetter(rune) ? Math.Max(1, rune.Utf8SequenceLength - 1) : rune.Utf8SequenceLength;
                i += rune.Utf16SequenceLength;
            }
        }

        return tokens;
    }

    /// <summary>A whole request: its messages with their framing, plus the response schema, which providers bill as input too.</summary>
    public static int Estimate(LlmRequest request) =>
        PerRequest
        + request.Messages.Sum(m => PerMessage + Estimate(m.Content))
        + (request.Schema is { } schema ? Estimate(schema.SchemaJson) : 0);

    private static int RunLength(string text, int start, Func<char, bool> inRun)
    {
        var end = start;
        while (end < text.Length && inRun(text[end]))
        {
            end++;
        }

        return end - start;
    }
}
