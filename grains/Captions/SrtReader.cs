using System.Text;

namespace Highlights.Grains.Captions;

/// <summary>
/// Reads SRT, and is also the block scanner behind <see cref="VttReader"/>: a WebVTT cue is an SRT block whose
/// index became an optional identifier, and the rest of WebVTT is blocks the VTT reader asks to skip.
/// </summary>
internal static class SrtReader
{
    private const string Arrow = "-->";

    internal static CaptionDocument Read(string text, string file, CaptionLimits limits) =>
        ReadBlocks(text, file, limits, skipBlock: null);

    /// <param name="skipBlock">
    /// Given a block's first line, says whether to ignore the whole block up to the next blank line, even lines
    /// that look like timings. Any other line outside a cue is ignored anyway, so this matters only for "-->".
    /// </param>
    internal static CaptionDocument ReadBlocks(string text, string file, CaptionLimits limits, Func<ReadOnlySpan<char>, bool>? skipBlock)
    {
        var cues = new List<Cue>();
        var cueText = new StringBuilder();
        (double Start, double End)? timing = null;
        int skipped = 0, timingLines = 0, lengthBeforeLastLine = 0;
        bool inCue = false, atBlockStart = true, skipping = false, lastLineIsNumber = false;

        void Flush()
        {
            if (!inCue)
            {
                return;
            }

            var cleaned = timing is null ? string.Empty : VttReader.CleanText(cueText.ToString(), limits.MaxCueTextChars);
            if (timing is { } t && cleaned.Length > 0)
            {
                cues.Add(new Cue(t.Start, t.End, cleaned));
            }
            else
            {
                skipped++;
            }

            inCue = false;
            lastLineIsNumber = false;
            cueText.Clear();
        }

        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.TrimEnd();
            if (line.IsEmpty)
            {
                Flush();
                atBlockStart = true;
                skipping = false;
                continue;
            }

            if (atBlockStart)
            {
                atBlockStart = false;
                skipping = skipBlock?.Invoke(line) ?? false;
            }

            if (skipping)
            {
                continue;
            }

            if (line.Contains(Arrow, StringComparison.Ordinal))
            {
                // No blank line before this timing line: a bare number just above it was the next cue's index, not text.
                if (lastLineIsNumber)
                {
                    cueText.Length = lengthBeforeLastLine;
                }

                Flush();
                if (++timingLines > limits.MaxCues)
                {
                    throw CaptionParser.Reject(file, $"has more than {limits.MaxCues} cues");
                }

                timing = TryParseTiming(line, limits);
                inCue = true;
            }
            else if (inCue)
            {
                lengthBeforeLastLine = cueText.Length;
                cueText.Append('\n').Append(line);
                lastLineIsNumber = IsNumber(line.Trim());
            }

            // Anything else outside a cue (SRT index, VTT header or identifier, stray junk) carries no caption text.
        }

        Flush();
        return new CaptionDocument(cues.OrderBy(c => c.Start).ToArray(), skipped);
    }

    private static (double Start, double End)? TryParseTiming(ReadOnlySpan<char> line, CaptionLimits limits)
    {
        int arrow = line.IndexOf(Arrow, StringComparison.Ordinal);
        var left = line[..arrow].Trim();
        var right = line[(arrow + Arrow.Length)..].TrimStart();
        // VTT cue settings and SRT coordinates follow the end time; they do not matter for highlights.
        int settings = right.IndexOfAny(' ', '\t');
        if (settings >= 0)
        {
            right = right[..settings];
        }

        if (!TryParseTimestamp(left, out var start) || !TryParseTimestamp(right, out var end))
        {
            return null;
        }

        bool plausible = end > start && end - start <= limits.MaxCueSeconds && end <= limits.MaxTimestampHours * 3600;
        return plausible ? (start, end) : null;
    }

    /// <summary>
    /// <c>[H…:]MM:SS[,.]fff</c>. Lenient where the meaning is still unambiguous (either fraction separator, any
    /// number of hour digits, 1–3 fraction digits or none); strict on ranges, since 00:61 is a broken file.
    /// </summary>
    private static bool TryParseTimestamp(ReadOnlySpan<char> s, out double seconds)
    {
        seconds = 0;
        double fraction = 0;
        int dot = s.LastIndexOfAny('.', ',');
        if (dot >= 0)
        {
            var digits = s[(dot + 1)..];
            if (!TryDigits(digits, 1, 3, out int value))
            {
                return false;
            }

            fraction = value / Math.Pow(10, digits.Length);
            s = s[..dot];
        }

        int colon = s.LastIndexOf(':');
        if (colon < 0 || !TryDigits(s[(colon + 1)..], 2, 2, out int secs) || secs >= 60)
        {
            return false;
        }

        s = s[..colon];
        int hours = 0;
        colon = s.LastIndexOf(':');
        if (colon >= 0)
        {
            // Hours have no upper digit count in WebVTT; nine digits fit an int and the hour limit catches the rest.
            if (!TryDigits(s[..colon], 1, 9, out hours))
            {
                return false;
            }

            s = s[(colon + 1)..];
        }

        if (!TryDigits(s, 2, 2, out int minutes) || minutes >= 60)
        {
            return false;
        }

        seconds = (hours * 3600.0) + (minutes * 60) + secs + fraction;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int minLength, int maxLength, out int value)
    {
        value = 0;
        if (s.Length < minLength || s.Length > maxLength || !IsNumber(s))
        {
            return false;
        }

        foreach (char c in s)
        {
            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
