using System.Text;
using System.Text.Unicode;
using Highlights.Grains.Inputs;

namespace Highlights.Grains.Captions;

/// <summary>
/// Turns an SRT or WebVTT file into plain-text <see cref="Cue"/>s sorted by start. Whole-file problems (too big,
/// binary, bad encoding, not captions, too many cues) throw <see cref="CaptionRejectedException"/>. A single bad
/// cue is skipped and counted instead: real caption files are often sloppy, and one broken cue should not cost
/// the whole transcript.
/// </summary>
public static class CaptionParser
{
    // Above this share of stray control characters, text that decodes cleanly is still almost certainly binary.
    private const double MaxControlCharShare = 0.01;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Parses raw file bytes: UTF-8 (BOM optional) or UTF-16 with a BOM. The format is detected from the content, not the file name.</summary>
    public static CaptionDocument Parse(ReadOnlySpan<byte> content, string fileNameForMessages, CaptionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(fileNameForMessages);
        ArgumentNullException.ThrowIfNull(limits);
        if (content.Length > limits.MaxFileBytes)
        {
            throw TooLarge(fileNameForMessages, content.Length, limits);
        }

        return ParseText(Decode(content, fileNameForMessages), fileNameForMessages, limits);
    }

    /// <summary>Parses already-decoded text under the same rules as the byte overload.</summary>
    public static CaptionDocument Parse(string text, string fileNameForMessages, CaptionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileNameForMessages);
        ArgumentNullException.ThrowIfNull(limits);
        // Measured as UTF-8 so the byte limit means the same thing whichever overload the caller used.
        int bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > limits.MaxFileBytes)
        {
            throw TooLarge(fileNameForMessages, bytes, limits);
        }

        return ParseText(text, fileNameForMessages, limits);
    }

    /// <summary>
    /// Reads and parses a caption file. An oversized file is rejected from its length alone, before any of it is
    /// read; anything but a regular file is rejected without blocking (a FIFO would wait for a writer forever).
    /// A missing file surfaces as <see cref="FileNotFoundException"/>.
    /// </summary>
    public static async Task<CaptionDocument> ParseFileAsync(string path, CaptionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: caption file not found", path);
        }

        await using var stream = RegularFile.OpenRead(path) ?? throw Reject(path, "is not a regular file");
        var content = await ReadAsync(stream, path, limits, ct).ConfigureAwait(false);
        return Parse(content.Span, path, limits);
    }

    /// <summary>The whole of an open caption file, refused from its length alone when over the limit.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(FileStream stream, string fileNameForMessages, CaptionLimits limits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);

        // Taken from the open handle rather than a separate stat, so a file swapped in between cannot dodge the limit.
        long length = stream.Length;
        if (length > limits.MaxFileBytes)
        {
            throw TooLarge(fileNameForMessages, length, limits);
        }

        var buffer = new byte[length];
        // A file that shrank meanwhile yields fewer bytes; one that grew is read only up to the checked length.
        int read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        return buffer.AsMemory(0, read);
    }

    internal static CaptionRejectedException Reject(string file, string rule) =>
        // File names may legally contain line breaks; the message must stay on one log line.
        new($"Caption file '{file.ReplaceLineEndings(" ")}' rejected: {rule}.");

    private static CaptionRejectedException TooLarge(string file, long bytes, CaptionLimits limits) =>
        Reject(file, $"{bytes} bytes is over the {limits.MaxFileBytes}-byte limit");

    private static string Decode(ReadOnlySpan<byte> content, string file)
    {
        if (content.StartsWith(Utf16LeBom))
        {
            return DecodeUtf16(content[Utf16LeBom.Length..], bigEndian: false, file);
        }

        if (content.StartsWith(Utf16BeBom))
        {
            return DecodeUtf16(content[Utf16BeBom.Length..], bigEndian: true, file);
        }

        if (content.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }

        // Checked before UTF-8 validity so random bytes are reported as binary, the more useful diagnosis.
        if (content.Contains((byte)0))
        {
            throw Reject(file, "looks binary (contains NUL bytes)");
        }

        if (!Utf8.IsValid(content))
        {
            throw Reject(file, "is not valid UTF-8");
        }

        return Encoding.UTF8.GetString(content);
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> content, bool bigEndian, string file)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw Reject(file, $"is not valid UTF-16 {(bigEndian ? "BE" : "LE")}");
        }
    }

    private static CaptionDocument ParseText(string text, string file, CaptionLimits limits)
    {
        if (LooksBinary(text))
        {
            throw Reject(file, "looks binary (NUL or too many control characters)");
        }

        var start = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (start.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return VttReader.Read(text, file, limits);
        }

        if (text.Contains("-->", StringComparison.Ordinal))
        {
            return SrtReader.Read(text, file, limits);
        }

        throw Reject(file, "is neither WebVTT (no WEBVTT header) nor SRT (no '-->' timing line)");
    }

    private static bool LooksBinary(ReadOnlySpan<char> text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c is not ('\t' or '\r' or '\n' or '\f'))
            {
                controls++;
            }
        }

        return controls > text.Length * MaxControlCharShare;
    }
}
