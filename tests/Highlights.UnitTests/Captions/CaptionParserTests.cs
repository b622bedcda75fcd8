using System.Diagnostics;
using System.Text;
using Highlights.Grains.Captions;

namespace Highlights.UnitTests.Captions;

public sealed class CaptionParserTests
{
    private const string FileName = "test.srt";

    private static CaptionDocument Parse(string text, CaptionLimits? limits = null) =>
        CaptionParser.Parse(Encoding.UTF8.GetBytes(text), FileName, limits ?? CaptionLimits.Default);

    private static CaptionRejectedException Rejected(byte[] content, CaptionLimits? limits = null)
    {
        var error = Assert.Throws<CaptionRejectedException>(() => CaptionParser.Parse(content, FileName, limits ?? CaptionLimits.Default));
        Assert.Contains(FileName, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }

    private static string Srt(params string[] blocks) => string.Join("\n\n", blocks) + "\n";

    private static string TextOf(string text) => Assert.Single(Parse(Srt($"1\n00:00:01,000 --> 00:00:02,000\n{text}")).Cues).Text;

    [Fact]
    public void Parses_plain_srt_into_cues_timed_in_seconds()
    {
        var doc = Parse(Srt("1\n00:00:01,500 --> 00:00:03,250\nHello there", "2\n01:02:03,004 --> 01:02:04,000\nGeneral Kenobi"));

        Assert.Equal([new Cue(1.5, 3.25, "Hello there"), new Cue(3723.004, 3724, "General Kenobi")], doc.Cues);
        Assert.Equal(0, doc.SkippedCues);
    }

    [Fact]
    public void Accepts_a_dot_as_the_srt_millisecond_separator()
    {
        Assert.Equal(1.5, Assert.Single(Parse("1\n00:00:01.500 --> 00:00:02.000\nHi\n").Cues).Start);
    }

    [Fact]
    public void Skips_vtt_header_note_style_and_region_blocks()
    {
        const string vtt = "WEBVTT - Title\nKind: captions\n\nNOTE a comment\n00:00.000 --> 00:09.000 is how timings look\n\n"
            + "STYLE\n::cue { color: red } /* --> */\n00:00.000 --> 00:01.000\n\nREGION\nid:fred width:40%\n\nNOTE\n\n"
            + "00:01.000 --> 00:02.000\nFirst\n\nNOTE trailing\n\n00:03.000 --> 00:04.000\nSecond\n";

        var doc = CaptionParser.Parse(vtt, "a.vtt", CaptionLimits.Default);

        Assert.Equal(["First", "Second"], doc.Cues.Select(c => c.Text));
        Assert.Equal(0, doc.SkippedCues);
    }

    [Fact]
    public void Ignores_vtt_cue_identifiers_and_cue_settings()
    {
        const string vtt = "WEBVTT\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start position:10% line:0\nHello\n\n42\n00:00:03.000 --> 00:00:04.000\nWorld\n";

        var doc = CaptionParser.Parse(vtt, "a.vtt", CaptionLimits.Default);

        Assert.Equal([new Cue(1, 2, "Hello"), new Cue(3, 4, "World")], doc.Cues);
    }

    [Fact]
    public void Accepts_vtt_timestamps_without_hours_or_with_more_than_two_hour_digits()
    {
        var doc = CaptionParser.Parse("WEBVTT\n\n01:02.500 --> 01:03.000\nShort\n\n047:00:00.000 --> 047:00:01.000\nLong\n", "a.vtt", CaptionLimits.Default);

        Assert.Equal([new Cue(62.5, 63, "Short"), new Cue(47 * 3600, (47 * 3600) + 1, "Long")], doc.Cues);
    }

    [Fact]
    public void Treats_a_webvtt_header_as_vtt_whatever_the_file_name()
    {
        var doc = CaptionParser.Parse("WEBVTT\nNOTE header metadata\n00:01.000 --> 00:02.000\nNo blank line after header\n", "captions.srt", CaptionLimits.Default);

        Assert.Equal("No blank line after header", Assert.Single(doc.Cues).Text);
    }

    [Fact]
    public void Joins_cue_lines_with_a_single_space()
    {
        Assert.Equal("Line one line two", TextOf("Line one   \n   line two"));
    }

    [Theory]
    [InlineData("<i>Hello</i> <b>world</b>", "Hello world")]
    [InlineData("<font color=\"#ff0000\">Red</font> text", "Red text")]
    [InlineData("<c.yellow.bg_blue>Styled</c>", "Styled")]
    [InlineData("<v Roger Bingham>We are in New York City</v>", "We are in New York City")]
    [InlineData("<v.loud Esme>Hey!", "Hey!")]
    [InlineData("Karaoke <00:01.000>style <00:00:01.500>words", "Karaoke style words")]
    [InlineData("<ruby>漢<rt>kan</rt></ruby>", "漢kan")]
    [InlineData("{\\an8}Top of screen", "Top of screen")]
    [InlineData("{\\i1}Italic{\\i0} done", "Italic done")]
    [InlineData("Keep {braces} that are not ASS", "Keep {braces} that are not ASS")]
    [InlineData("a < b and I <3 you", "a < b and I <3 you")]
    [InlineData("Unclosed <i tag stays", "Unclosed <i tag stays")]
    public void Strips_markup_but_keeps_the_text(string raw, string expected)
    {
        Assert.Equal(expected, TextOf(raw));
    }

    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&lt;i&gt; is a tag", "<i> is a tag")]
    [InlineData("a&nbsp;&nbsp;b", "a b")]
    [InlineData("&quot;quoted&quot; &#39;single&#39; &apos;apos&apos;", "\"quoted\" 'single' 'apos'")]
    [InlineData("&#233;t&#xE9; &#x1F600;", "été 😀")]
    [InlineData("&bogus; &#xD800; &#99999999999; & alone", "&bogus; &#xD800; &#99999999999; & alone")]
    public void Decodes_html_entities(string raw, string expected)
    {
        Assert.Equal(expected, TextOf(raw));
    }

    [Fact]
    public void Removes_control_characters_from_text()
    {
        // Padded so the lone C0 character stays under the 1% share that marks a file as binary.
        var doc = Parse(Srt("00:00:01,000 --> 00:00:02,000\nBell\u0007 and\ttab\u0085", $"00:00:03,000 --> 00:00:04,000\n{new string('x', 200)}"));

        Assert.Equal("Bell and tab", doc.Cues[0].Text);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Handles_any_line_ending(string newline)
    {
        var text = "1\n00:00:01,000 --> 00:00:02,000\nOne\ntwo\n\n\n\n2\n00:00:03,000 --> 00:00:04,000  \nThree  \n".Replace("\n", newline, StringComparison.Ordinal);

        Assert.Equal(["One two", "Three"], Parse(text).Cues.Select(c => c.Text));
    }

    [Fact]
    public void Strips_a_utf8_byte_order_mark()
    {
        byte[] content = [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("WEBVTT\n\n00:01.000 --> 00:02.000\nCafé\n")];

        Assert.Equal("Café", Assert.Single(CaptionParser.Parse(content, FileName, CaptionLimits.Default).Cues).Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decodes_utf16_with_a_byte_order_mark(bool bigEndian)
    {
        var content = new UnicodeEncoding(bigEndian, byteOrderMark: true).GetPreamble()
            .Concat(new UnicodeEncoding(bigEndian, false).GetBytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nÜber ♪\r\n")).ToArray();

        Assert.Equal("Über ♪", Assert.Single(CaptionParser.Parse(content, FileName, CaptionLimits.Default).Cues).Text);
    }

    [Fact]
    public void Tolerates_missing_garbled_and_unseparated_srt_indexes()
    {
        var doc = Parse("00:00:01,000 --> 00:00:02,000\nNo index\n\n#7?\n00:00:03,000 --> 00:00:04,000\nGarbled index\n3\n00:00:05,000 --> 00:00:06,000\nNo blank line before\n");

        Assert.Equal(["No index", "Garbled index", "No blank line before"], doc.Cues.Select(c => c.Text));
        Assert.Equal(0, doc.SkippedCues);
    }

    [Theory]
    [InlineData("00:59:30,000 --> 00:60:00,000")]
    [InlineData("00:00:59,000 --> 00:00:60,000")]
    [InlineData("00:00:aa,000 --> 00:00:02,000")]
    [InlineData("00:00:01,000 --> ")]
    [InlineData("-00:00:01,000 --> 00:00:02,000")]
    [InlineData("00:00:01,0000 --> 00:00:02,000")]
    [InlineData("1:2 --> 1:3")]
    [InlineData("-->")]
    public void Skips_and_counts_cues_with_malformed_timestamps(string timing)
    {
        var doc = Parse(Srt($"1\n{timing}\nBad", "2\n00:00:05,000 --> 00:00:06,000\nGood"));

        Assert.Equal("Good", Assert.Single(doc.Cues).Text);
        Assert.Equal(1, doc.SkippedCues);
    }

    [Theory]
    [InlineData("00:00:02,000 --> 00:00:01,000")]
    [InlineData("00:00:02,000 --> 00:00:02,000")]
    public void Skips_cues_whose_end_is_not_after_their_start(string timing)
    {
        var doc = Parse(Srt($"{timing}\nBackwards"));

        Assert.Empty(doc.Cues);
        Assert.Equal(1, doc.SkippedCues);
    }

    [Fact]
    public void Skips_cues_longer_than_the_duration_limit()
    {
        var doc = Parse(Srt("00:00:00,000 --> 00:00:10,001\nToo long", "00:00:20,000 --> 00:00:30,000\nJust fits"), new CaptionLimits { MaxCueSeconds = 10 });

        Assert.Equal("Just fits", Assert.Single(doc.Cues).Text);
        Assert.Equal(1, doc.SkippedCues);
    }

    [Fact]
    public void Skips_cues_beyond_the_maximum_timestamp()
    {
        var doc = Parse(Srt("48:00:00,000 --> 48:00:01,000\nToo late", "999999999:00:00,000 --> 999999999:00:01,000\nWay too late"));

        Assert.Empty(doc.Cues);
        Assert.Equal(2, doc.SkippedCues);
    }

    [Theory]
    [InlineData("<i></i>")]
    [InlineData("{\\an8}   &nbsp;")]
    [InlineData("")]
    public void Skips_and_counts_cues_whose_text_is_empty_after_cleaning(string text)
    {
        var doc = Parse(Srt($"00:00:01,000 --> 00:00:02,000\n{text}", "00:00:03,000 --> 00:00:04,000\nKept"));

        Assert.Equal("Kept", Assert.Single(doc.Cues).Text);
        Assert.Equal(1, doc.SkippedCues);
    }

    [Fact]
    public void Truncates_long_text_at_a_word_boundary()
    {
        var doc = Parse(Srt("00:00:01,000 --> 00:00:02,000\nalpha beta gamma delta", "00:00:03,000 --> 00:00:04,000\nabcdefghijklmnop"), new CaptionLimits { MaxCueTextChars = 12 });

        Assert.Equal(["alpha beta", "abcdefghijkl"], doc.Cues.Select(c => c.Text));
    }

    [Fact]
    public void Orders_cues_by_start_keeping_overlaps_and_file_order_for_ties()
    {
        var doc = Parse(Srt("00:00:05,000 --> 00:00:09,000\nC", "00:00:01,000 --> 00:00:06,000\nA", "00:00:05,000 --> 00:00:07,000\nD", "00:00:02,000 --> 00:00:03,000\nB"));

        Assert.Equal(["A", "B", "C", "D"], doc.Cues.Select(c => c.Text));
    }

    [Fact]
    public void Parses_text_and_bytes_the_same_way()
    {
        const string srt = "1\n00:00:01,000 --> 00:00:02,000\n<b>Same</b>\n";

        Assert.Equal(Parse(srt).Cues, CaptionParser.Parse(srt, FileName, CaptionLimits.Default).Cues);
    }

    [Fact]
    public void Rejects_content_with_nul_bytes()
    {
        var error = Rejected(Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nHi\0there\n"));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_random_bytes()
    {
        var random = new byte[64 * 1024];
        new Random(42).NextBytes(random);

        Rejected(random);
    }

    [Fact]
    public void Rejects_text_with_many_control_characters()
    {
        var text = "1\n00:00:01,000 --> 00:00:02,000\n" + string.Concat(Enumerable.Repeat("ab\u0001", 50));

        Assert.Contains("binary", Rejected(Encoding.UTF8.GetBytes(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_utf8()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nBad "), 0xC3, 0x28, (byte)'\n'];

        Assert.Contains("UTF-8", Rejected(content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_truncated_utf16()
    {
        byte[] content = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), 0x41];

        Assert.Contains("UTF-16", Rejected(content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_content_over_the_byte_limit()
    {
        var content = Encoding.UTF8.GetBytes(Srt("00:00:01,000 --> 00:00:02,000\nThis file is bigger than the limit"));

        Assert.Contains("limit", Rejected(content, new CaptionLimits { MaxFileBytes = 32 }).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just some prose\nwith no timings at all.\n")]
    [InlineData("{\"json\": true}")]
    public void Rejects_text_that_is_neither_srt_nor_vtt(string text)
    {
        Assert.Contains("neither", Rejected(Encoding.UTF8.GetBytes(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_more_cues_than_the_limit()
    {
        var blocks = Enumerable.Range(0, 4).Select(i => $"00:00:0{i},000 --> 00:00:0{i},500\nCue {i}").ToArray();

        Assert.Equal(3, Parse(Srt(blocks[..3]), new CaptionLimits { MaxCues = 3 }).Cues.Count);
        Assert.Contains("more than 3 cues", Rejected(Encoding.UTF8.GetBytes(Srt(blocks)), new CaptionLimits { MaxCues = 3 }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Survives_tens_of_thousands_of_garbage_timing_lines_quickly()
    {
        var garbage = string.Concat(Enumerable.Range(0, 50_000).Select(i => (i % 3) switch
        {
            0 => "-->\n",
            1 => $"{i}:{i}:{i} --> --> <<<{{\\&&&&#;\n",
            _ => "99:99:99,999 --> 00:00:00,000 &#x;<\n",
        }));
        var clock = Stopwatch.StartNew();

        var doc = Parse(garbage);

        Assert.Empty(doc.Cues);
        Assert.Equal(50_000, doc.SkippedCues);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("<")]
    [InlineData("<a")]
    [InlineData("{\\")]
    [InlineData("&#")]
    [InlineData("word ")]
    [InlineData("-")]
    public void Survives_extremely_long_lines_quickly(string unit)
    {
        var huge = string.Concat(Enumerable.Repeat(unit, 2_000_000 / unit.Length));
        var text = $"00:00:01,000 --> 00:00:02,000 {huge}\n{huge}\n\n{huge} --> {huge}\n{huge}\n";
        var clock = Stopwatch.StartNew();

        var doc = Parse(text);

        Assert.Equal(2, doc.Cues.Count + doc.SkippedCues);
        Assert.All(doc.Cues, c => Assert.InRange(c.Text.Length, 1, CaptionLimits.Default.MaxCueTextChars));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ParseFileAsync_parses_a_caption_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "WEBVTT\n\n00:01.000 --> 00:02.000\n<i>From disk</i>\n", CancellationToken.None);

            var doc = await CaptionParser.ParseFileAsync(path, CaptionLimits.Default, CancellationToken.None);

            Assert.Equal("From disk", Assert.Single(doc.Cues).Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ParseFileAsync_rejects_an_oversized_file_without_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            // Sparse, so instant to create; at 3 GiB no byte array can hold it, so any attempt to read it would fail differently.
            await using (var stream = new FileStream(path, FileMode.Create))
            {
                stream.SetLength(3L * 1024 * 1024 * 1024);
            }

            var error = await Assert.ThrowsAsync<CaptionRejectedException>(
                () => CaptionParser.ParseFileAsync(path, new CaptionLimits { MaxFileBytes = 1024 }, CancellationToken.None));

            Assert.Contains(Path.GetFileName(path), error.Message, StringComparison.Ordinal);
            Assert.Contains("1024-byte limit", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Refuses_limits_that_are_not_positive(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CaptionLimits { MaxCueSeconds = value });
    }
}
