using Highlights.Grains.Captions;

namespace Highlights.UnitTests.Sidecars;

public sealed class SrtWriterTests
{
    [Theory]
    [InlineData(0, "00:00:00,000")]
    [InlineData(1.5, "00:00:01,500")]
    [InlineData(3723.004, "01:02:03,004")]
    [InlineData(59.9996, "00:01:00,000")]
    [InlineData(-2, "00:00:00,000")]
    [InlineData(100 * 3600 + 0.001, "100:00:00,001")]
    public void Timestamps_are_hours_minutes_seconds_comma_milliseconds(double seconds, string expected)
    {
        Assert.Equal(expected, SrtWriter.Timestamp(seconds));
    }

    [Fact]
    public void Cues_are_numbered_from_one_and_separated_by_blank_lines()
    {
        var srt = SrtWriter.Write([new Cue(1.5, 3.25, "Hello there"), new Cue(61, 62.5, "General Kenobi\nYou are a bold one")]);

        Assert.Equal(
            "1\n00:00:01,500 --> 00:00:03,250\nHello there\n\n2\n00:01:01,000 --> 00:01:02,500\nGeneral Kenobi\nYou are a bold one\n\n",
            srt);
    }

    [Fact]
    public void No_cues_write_nothing()
    {
        Assert.Equal(string.Empty, SrtWriter.Write([]));
    }

    [Fact]
    public void Written_srt_parses_back_to_the_same_cues()
    {
        Cue[] cues = [new(0.04, 2.5, "First line"), new(2.5, 7.125, "Second"), new(3600.999, 3602, "Third")];

        var parsed = CaptionParser.Parse(SrtWriter.Write(cues), "roundtrip.srt", CaptionLimits.Default);

        Assert.Equal(cues, parsed.Cues);
    }
}
