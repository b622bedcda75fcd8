using System.Globalization;
using System.Text;

namespace Highlights.Grains.Captions;

/// <summary>
/// Reads WebVTT through the shared <see cref="SrtReader"/> block scanner, and owns cue-text cleaning for both
/// formats: WebVTT markup is the superset of what SRT files carry in practice (HTML-ish tags, entities), plus the
/// ASS override blocks that subtitle converters leave in SRT.
/// </summary>
internal static class VttReader
{
    // Longest entity worth recognising is "&#x10FFFF;"; a bounded look-ahead keeps runs of '&' linear.
    private const int MaxEntityLength = 12;

    private static readonly Dictionary<string, char> NamedEntities = new(StringComparer.Ordinal)
    {
        ["amp"] = '&', ["lt"] = '<', ["gt"] = '>', ["quot"] = '"', ["apos"] = '\'', ["nbsp"] = ' ',
        ["lrm"] = '\u200E', ["rlm"] = '\u200F',
    };

    internal static CaptionDocument Read(string text, string file, CaptionLimits limits) =>
        SrtReader.ReadBlocks(text, file, limits, IsNonCueBlock);

    /// <summary>Plain text: markup dropped, entities decoded, controls removed, whitespace collapsed, cut at a word boundary.</summary>
    internal static string CleanText(ReadOnlySpan<char> raw, int maxChars)
    {
        var text = new StringBuilder(Math.Min(raw.Length, maxChars + 1));
        bool pendingSpace = false;
        Span<char> utf16 = stackalloc char[2];

        void Emit(char c)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
            else if (!char.IsControl(c))
            {
                // Deferring the space until the next visible character trims both ends for free.
                if (pendingSpace && text.Length > 0)
                {
                    text.Append(' ');
                }

                pendingSpace = false;
                text.Append(c);
            }
        }

        // One character past the limit is enough to tell whether the cut lands on a word boundary.
        for (int i = 0; i < raw.Length && text.Length <= maxChars; i++)
        {
            var rest = raw[i..];
            int markup = rest[0] switch
            {
                '<' => TagLength(rest),
                '{' => AssBlockLength(rest),
                _ => 0,
            };
            if (markup > 0)
            {
                i += markup - 1;
            }
            else if (rest[0] == '&' && TryEntity(rest, out int length, out var rune))
            {
                foreach (char c in utf16[..rune.EncodeToUtf16(utf16)])
                {
                    Emit(c);
                }

                i += length - 1;
            }
            else
            {
                Emit(rest[0]);
            }
        }

        return Truncate(text.ToString(), maxChars);
    }

    // Comments, CSS and region definitions are never caption text, even where they contain "-->". The header needs
    // no skipping: its lines sit outside any cue, and a timing line right after it (no blank line) is still a cue.
    private static bool IsNonCueBlock(ReadOnlySpan<char> firstLine) =>
        StartsWithKeyword(firstLine, "NOTE")
        || StartsWithKeyword(firstLine, "STYLE")
        || StartsWithKeyword(firstLine, "REGION");

    private static bool StartsWithKeyword(ReadOnlySpan<char> line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || char.IsWhiteSpace(line[keyword.Length]));

    // "a < b" and "<3" in prose stay; markup opens with a letter, '/', or a digit (VTT timestamp tags like <00:01.000>).
    private static int TagLength(ReadOnlySpan<char> s) =>
        s.Length > 2 && (char.IsAsciiLetter(s[1]) || s[1] == '/' || char.IsAsciiDigit(s[1])) ? ClosedLength(s, '>', '<') : 0;

    // ASS override blocks such as {\an8} or {\i1}; other braces are ordinary text.
    private static int AssBlockLength(ReadOnlySpan<char> s) =>
        s.Length > 2 && s[1] == '\\' ? ClosedLength(s, '}', '{') : 0;

    // Stopping at the next opener or line break means each character is scanned at most twice, even for "<<<<<<".
    private static int ClosedLength(ReadOnlySpan<char> s, char close, char open)
    {
        int end = s[1..].IndexOfAny(close, open, '\n');
        return end >= 0 && s[end + 1] == close ? end + 2 : 0;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, out int length, out Rune value)
    {
        value = default;
        length = s[..Math.Min(s.Length, MaxEntityLength)].IndexOf(';') + 1;
        if (length < 3)
        {
            return false;
        }

        var name = s[1..(length - 1)];
        if (name[0] != '#')
        {
            var lookup = NamedEntities.GetAlternateLookup<ReadOnlySpan<char>>();
            bool known = lookup.TryGetValue(name, out char c);
            value = new Rune(c);
            return known;
        }

        bool hex = name.Length > 1 && (name[1] | 0x20) == 'x';
        var digits = hex ? name[2..] : name[1..];
        var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        // Rune.TryCreate refuses surrogates and values beyond U+10FFFF, which would otherwise corrupt the string.
        return int.TryParse(digits, style, CultureInfo.InvariantCulture, out int code) && Rune.TryCreate(code, out value);
    }

    private static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        // Whitespace is already collapsed to single spaces, so the last space at or before the limit is a word boundary.
        int cut = text.LastIndexOf(' ', maxChars);
        if (cut <= 0)
        {
            // One giant "word": cut hard, but never between the halves of a surrogate pair.
            cut = char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        }

        return text[..cut];
    }
}
