using System.Text;

namespace Highlights.Grains.Render.Captions;

/// <summary>
/// Makes any text safe as the text of an ASS event: it can neither open an override block nor form an escape. Braces
/// become libass's literal-brace escapes <c>\{</c> <c>\}</c>; every backslash is followed by an invisible word joiner
/// (U+2060), so "\N", "\h" or "\{" typed by a speaker show as typed; line breaks and tabs become spaces, other control
/// characters are dropped. Commas need nothing: the text is the event line's last field.
/// </summary>
public static class AssText
{
    public const char WordJoiner = '\u2060';

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append('\\').Append(WordJoiner);
                    break;
                case '{':
                    builder.Append("\\{");
                    break;
                case '}':
                    builder.Append("\\}");
                    break;
                case '\r' or '\n' or '\t' or '\u2028' or '\u2029':
                    builder.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
