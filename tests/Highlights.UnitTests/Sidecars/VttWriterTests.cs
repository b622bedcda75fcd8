using Highlights.Grains.Captions;

namespace Highlights.UnitTests.Sidecars;

public sealed class VttWriterTests
{
    [Fact]
    public void Writes_a_header_and_cues_with_dotted_milliseconds()
    {
        var vtt = VttWriter.Write([new Cue(1.5, 3.25, "Hello there"), new Cue(3723.004, 3724, "General Kenobi")]);

        Assert.Equal("WEBVTT\n\n00:00:01.500 --> 00:00:03.250\nHello there\n\n01:02:03.004 --> 01:02:04.000\nGeneral Kenobi\n\n", vtt);
    }

    [Fact]
    public void What_it_writes_parses_back_to_the_same_cues()
    {
        Cue[] cues = [new(0.25, 1, "one"), new(61, 62.5, "two")];

        var parsed = CaptionParser.Parse(VttWriter.Write(cues), "roundtrip.vtt", CaptionLimits.Default);

        Assert.Equal(cues, parsed.Cues);
    }
}
