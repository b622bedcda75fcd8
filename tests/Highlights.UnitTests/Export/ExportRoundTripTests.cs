using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Highlights.Grains.Edl;
using Highlights.Grains.Export;

namespace Highlights.UnitTests.Export;

/// <summary>Each export format is parsed back and every clip's in/out compared with the EDL, to the frame.</summary>
public sealed partial class ExportRoundTripTests
{
    public static TheoryData<double> Rates => [23.976, 25, 29.97, 30, 50, 59.94];

    [Theory]
    [MemberData(nameof(Rates))]
    public void Cmx3600_events_carry_the_edl_frames_as_timecode(double fps)
    {
        var edl = SampleEdl(fps);
        var timeline = ExportTimeline.From(edl);
        var rate = timeline.Rate;

        var text = Cmx3600Writer.Write(timeline);

        Assert.StartsWith("TITLE: Highlights 0123456789abcdef0123\nFCM: " + (rate.IsDropFrame ? "DROP FRAME" : "NON-DROP FRAME"), text);
        var events = EventLine().Matches(text);
        Assert.Equal(edl.Segments.Count, events.Count);
        long record = Cmx3600Writer.RecordStartFrames(rate);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i].Groups;
            Assert.Equal((i + 1).ToString("000", CultureInfo.InvariantCulture), e["n"].Value);
            Assert.Equal(edl.Segments[i].StartFrame, Timecode.ToFrames(e["srcIn"].Value, rate));
            Assert.Equal(edl.Segments[i].EndFrame, Timecode.ToFrames(e["srcOut"].Value, rate));
            Assert.Equal(record, Timecode.ToFrames(e["recIn"].Value, rate));
            record += edl.Segments[i].EndFrame - edl.Segments[i].StartFrame;
            Assert.Equal(record, Timecode.ToFrames(e["recOut"].Value, rate));
            Assert.Equal(rate.IsDropFrame, e["srcIn"].Value.Contains(';', StringComparison.Ordinal));
        }

        Assert.Contains("* FROM CLIP NAME: talk.mp4", text);
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Fcpxml_asset_clips_start_and_last_exactly_the_edl_frames(double fps)
    {
        var edl = SampleEdl(fps);
        var timeline = ExportTimeline.From(edl);

        var document = XDocument.Parse(FcpxmlWriter.Write(timeline));

        Assert.Equal("fcpxml", document.DocumentType!.Name);
        var format = document.Descendants("format").Single();
        var frame = Rational(format.Attribute("frameDuration")!.Value);
        long Frames(XElement element, string attribute) => Rational(element.Attribute(attribute)!.Value).Over(frame);
        var asset = document.Descendants("asset").Single();
        Assert.Equal(new Uri("/media/talk.mp4").AbsoluteUri, asset.Element("media-rep")!.Attribute("src")!.Value);
        var clips = document.Descendants("spine").Single().Elements("asset-clip").ToList();
        Assert.Equal(edl.Segments.Count, clips.Count);
        long offset = 0;
        for (var i = 0; i < clips.Count; i++)
        {
            var segment = edl.Segments[i];
            Assert.Equal("r2", clips[i].Attribute("ref")!.Value);
            Assert.Equal(segment.StartFrame, Frames(clips[i], "start"));
            Assert.Equal(segment.EndFrame - segment.StartFrame, Frames(clips[i], "duration"));
            Assert.Equal(offset, Frames(clips[i], "offset"));
            offset += Frames(clips[i], "duration");
            var marker = clips[i].Element("marker")!;
            Assert.Equal(segment.Reasons[0], marker.Attribute("value")!.Value);
        }

        Assert.Equal(offset, Frames(document.Descendants("sequence").Single(), "duration"));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Otio_clips_have_the_edl_source_ranges_on_video_and_audio_tracks(double fps)
    {
        var edl = SampleEdl(fps);

        using var document = JsonDocument.Parse(OtioWriter.Write(ExportTimeline.From(edl)));

        var root = document.RootElement;
        Assert.Equal("Timeline.1", root.GetProperty("OTIO_SCHEMA").GetString());
        var tracks = root.GetProperty("tracks").GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(["Video", "Audio"], tracks.Select(t => t.GetProperty("kind").GetString()));
        foreach (var track in tracks)
        {
            var clips = track.GetProperty("children").EnumerateArray().ToList();
            Assert.Equal(edl.Segments.Count, clips.Count);
            for (var i = 0; i < clips.Count; i++)
            {
                var range = clips[i].GetProperty("source_range");
                Assert.Equal(edl.Segments[i].StartFrame, range.GetProperty("start_time").GetProperty("value").GetDouble());
                Assert.Equal(edl.Segments[i].EndFrame - edl.Segments[i].StartFrame, range.GetProperty("duration").GetProperty("value").GetDouble());
                Assert.Equal(FrameRate.FromMeasured(fps).Value, range.GetProperty("start_time").GetProperty("rate").GetDouble());
                Assert.Equal(edl.Segments[i].Reasons[0], clips[i].GetProperty("markers")[0].GetProperty("name").GetString());
            }
        }
    }

    [Fact]
    public void Captions_are_timed_where_each_clip_plays_in_the_reel()
    {
        var srt = CaptionsExport.Write(ExportTimeline.From(SampleEdl(25)));

        Assert.StartsWith("1\n00:00:00,000 --> 00:00:04,000\nfirst clip text\n\n2\n00:00:04,000 --> 00:00:06,400\n", srt);
    }

    [Fact]
    public void A_source_without_audio_exports_video_only()
    {
        var edl = SampleEdl(25) with { Source = SampleEdl(25).Source with { HasAudio = false } };

        Assert.Contains("  V     C  ", Cmx3600Writer.Write(ExportTimeline.From(edl)));
        Assert.Single(JsonDocument.Parse(OtioWriter.Write(ExportTimeline.From(edl))).RootElement.GetProperty("tracks").GetProperty("children").EnumerateArray());
    }

    /// <summary>Three cuts placed to cross minute boundaries, where drop-frame timecode skips labels.</summary>
    private static EdlDocument SampleEdl(double fps)
    {
        var grid = new FrameGrid(fps);
        EdlSegment Segment(int n, double start, double end, string text) =>
            new($"s00{n}", grid.TimeOf(grid.FrameAt(start)), grid.TimeOf(grid.FrameAt(end)), grid.FrameAt(start), grid.FrameAt(end), 1, [$"reason {n}", "more"], text);
        return new EdlDocument(
            1,
            "0123456789abcdef0123",
            new EdlSource("/media/talk.mp4", new string('a', 64), 700, 1920, 1080, fps, HasAudio: true),
            60,
            0,
            new EdlSelector("offline", "v1", []),
            [Segment(1, 10, 14, "first clip text"), Segment(2, 58.5, 60.9, "crosses the minute"), Segment(3, 599, 601.5, "crosses ten minutes")],
            new RenderSettings("mp4", "libx264", "veryfast", 20, "yuv420p", "aac", 160, true, false));
    }

    /// <summary>FCPXML time "n/ds" or "ns", kept exact.</summary>
    private static Fraction Rational(string value)
    {
        var parts = value.TrimEnd('s').Split('/');
        return new Fraction(long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length == 1 ? 1 : long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private readonly record struct Fraction(long Numerator, long Denominator)
    {
        /// <summary>How many whole <paramref name="unit"/>s this is; fails if it is not a whole number of them.</summary>
        public long Over(Fraction unit)
        {
            var numerator = Numerator * unit.Denominator;
            var denominator = Denominator * unit.Numerator;
            Assert.True(numerator % denominator == 0, $"{Numerator}/{Denominator}s is not a whole number of {unit.Numerator}/{unit.Denominator}s frames");
            return numerator / denominator;
        }
    }

    [GeneratedRegex(@"^(?<n>\d{3})  AX\s+(AA/V|V)\s+C\s+(?<srcIn>\d\d:\d\d:\d\d[:;]\d\d) (?<srcOut>\d\d:\d\d:\d\d[:;]\d\d) (?<recIn>\d\d:\d\d:\d\d[:;]\d\d) (?<recOut>\d\d:\d\d:\d\d[:;]\d\d)$", RegexOptions.Multiline)]
    private static partial Regex EventLine();
}
