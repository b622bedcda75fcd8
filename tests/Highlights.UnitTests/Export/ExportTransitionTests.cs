using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Highlights.Grains.Edl;
using Highlights.Grains.Export;

namespace Highlights.UnitTests.Export;

/// <summary>Crossfades and crop paths in each export format, read back and checked against the EDL to the frame.</summary>
public sealed partial class ExportTransitionTests
{
    public static TheoryData<double> Rates => [25, 29.97];

    /// <summary>Three segments; 11 frames of crossfade into the second, a cut into the third; a vertical crop path.</summary>
    private static EdlDocument Edl(double fps)
    {
        var grid = new FrameGrid(fps);
        EdlSegment Segment(int n, long start, long end) => new($"s00{n}", grid.TimeOf(start), grid.TimeOf(end), start, end, 1, [$"reason {n}"], $"text {n}");
        EdlSegment[] segments =
        [
            Segment(1, 300, 420) with { Reframe = new EdlReframe(ReframeTracking.Faces, [new(0, 100, 0), new(1, 300, 0), new(2, 250, 0)]) },
            Segment(2, 900, 1000) with { Transition = new EdlTransition(TransitionKind.Crossfade, 11, 11 / fps) },
            Segment(3, 2000, 2090) with { Transition = EdlTransition.Cut },
        ];
        return new EdlDocument(
            1, "0123456789abcdef0123", new EdlSource("/media/talk.mp4", new string('a', 64), 700, 1920, 1080, fps, HasAudio: true), 60, 0,
            new EdlSelector("offline", "v1", []), segments,
            new RenderSettings("mp4", "libx264", "veryfast", 20, "yuv420p", "aac", 160, true, false, ReelFraming.Vertical, 606, 1080));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Cmx3600_writes_the_crossfade_as_a_dissolve_of_its_frames(double fps)
    {
        var timeline = ExportTimeline.From(Edl(fps));
        var rate = timeline.Rate;
        long F(Match m, string group, bool record = false) => Timecode.ToFrames(m.Groups[group].Value, rate) - (record ? Cmx3600Writer.RecordStartFrames(rate) : 0);

        var lines = EventLine().Matches(Cmx3600Writer.Write(timeline)).ToList();

        Assert.Equal(["001 C", "002 C", "002 D011", "003 C"], lines.Select(l => $"{l.Groups["n"].Value} {l.Groups["how"].Value}{l.Groups["frames"].Value}"));

        // s001 plays until the dissolve starts; the dissolve holds s001 at that frame and brings s002 in over 11 frames.
        Assert.Equal((300L, 409L, 0L, 109L), (F(lines[0], "srcIn"), F(lines[0], "srcOut"), F(lines[0], "recIn", true), F(lines[0], "recOut", true)));
        Assert.Equal((409L, 409L, 109L, 109L), (F(lines[1], "srcIn"), F(lines[1], "srcOut"), F(lines[1], "recIn", true), F(lines[1], "recOut", true)));
        Assert.Equal((900L, 1000L, 109L, 209L), (F(lines[2], "srcIn"), F(lines[2], "srcOut"), F(lines[2], "recIn", true), F(lines[2], "recOut", true)));
        Assert.Equal((2000L, 2090L, 209L, 299L), (F(lines[3], "srcIn"), F(lines[3], "srcOut"), F(lines[3], "recIn", true), F(lines[3], "recOut", true)));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Fcpxml_puts_a_cross_dissolve_over_the_edit_and_the_clips_meet_inside_it(double fps)
    {
        var edl = Edl(fps);
        var document = XDocument.Parse(FcpxmlWriter.Write(ExportTimeline.From(edl)));
        var frame = Frames(document.Descendants("format").First().Attribute("frameDuration")!.Value);
        long At(XElement e, string attribute) => (long)Math.Round(Frames(e.Attribute(attribute)!.Value) / frame);

        var spine = document.Descendants("spine").Single().Elements().ToList();

        Assert.Equal(["asset-clip", "transition", "asset-clip", "asset-clip"], spine.Select(e => e.Name.LocalName));
        var (a, dissolve, b, c) = (spine[0], spine[1], spine[2], spine[3]);
        Assert.Equal((109L, 11L), (At(dissolve, "offset"), At(dissolve, "duration")));
        Assert.Equal("r4", dissolve.Element("filter-video")!.Attribute("ref")!.Value);

        // The edit is 5 frames into the dissolve: s001 shows to 414 of its 420, s002 from 906 of its 900.
        Assert.Equal((300L, 114L, 0L), (At(a, "start"), At(a, "duration"), At(a, "offset")));
        Assert.Equal((905L, 95L, 114L), (At(b, "start"), At(b, "duration"), At(b, "offset")));
        Assert.Equal((2000L, 90L, 209L), (At(c, "start"), At(c, "duration"), At(c, "offset")));
        Assert.Equal(299L, At(document.Descendants("sequence").Single(), "duration"));
    }

    [Fact]
    public void Fcpxml_moves_each_unscaled_clip_along_its_crop_path_in_a_project_of_the_crops_size()
    {
        var timeline = ExportTimeline.From(Edl(25));
        var document = XDocument.Parse(FcpxmlWriter.Write(timeline));

        var project = document.Descendants("format").Single(f => f.Attribute("id")!.Value == document.Descendants("sequence").Single().Attribute("format")!.Value);
        Assert.Equal(("606", "1080"), (project.Attribute("width")!.Value, project.Attribute("height")!.Value));
        var first = document.Descendants("asset-clip").First();
        Assert.Equal("none", first.Element("adjust-conform")!.Attribute("type")!.Value);
        var keyframes = first.Element("adjust-transform")!.Descendants("keyframe").ToList();
        Assert.Equal(["12s", "13s", "14s"], keyframes.Select(k => k.Attribute("time")!.Value));

        // Position is the source's centre from the frame's, in percent of the frame's height: back to window x.
        var xs = keyframes.Select(k => double.Parse(k.Attribute("value")!.Value.Split(' ')[0], CultureInfo.InvariantCulture))
            .Select(p => (int)Math.Round((1920 / 2.0) - (606 / 2.0) - (p * 1080 / 100)));
        Assert.Equal([100, 300, 250], xs);
        Assert.Null(document.Descendants("asset-clip").Last().Element("adjust-transform")!.Element("param"));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Otio_places_a_dissolve_between_the_clips_whose_offsets_give_back_the_overlap(double fps)
    {
        using var document = JsonDocument.Parse(OtioWriter.Write(ExportTimeline.From(Edl(fps))));

        foreach (var track in document.RootElement.GetProperty("tracks").GetProperty("children").EnumerateArray())
        {
            var items = track.GetProperty("children").EnumerateArray().ToList();
            Assert.Equal(["Clip.2", "Transition.1", "Clip.2", "Clip.2"], items.Select(i => i.GetProperty("OTIO_SCHEMA").GetString()));
            double Value(JsonElement e, string a, string b) => e.GetProperty(a).GetProperty(b).GetProperty("value").GetDouble();
            var transition = items[1];
            var before = transition.GetProperty("in_offset").GetProperty("value").GetDouble();
            var after = transition.GetProperty("out_offset").GetProperty("value").GetDouble();
            Assert.Equal(11, before + after);

            // Each clip's range widened by the dissolve's offsets is the segment again.
            Assert.Equal(420, Value(items[0], "source_range", "start_time") + Value(items[0], "source_range", "duration") + after);
            Assert.Equal(900, Value(items[2], "source_range", "start_time") - before);
            Assert.Equal(1000, Value(items[2], "source_range", "start_time") + Value(items[2], "source_range", "duration"));
        }
    }

    [Fact]
    public void Otio_keeps_the_crop_path_in_clip_metadata_in_source_frames()
    {
        using var document = JsonDocument.Parse(OtioWriter.Write(ExportTimeline.From(Edl(25))));

        var clip = document.RootElement.GetProperty("tracks").GetProperty("children")[0].GetProperty("children")[0];
        var reframe = clip.GetProperty("metadata").GetProperty("highlights").GetProperty("reframe");
        Assert.Equal(606, reframe.GetProperty("window").GetProperty("width").GetInt32());
        Assert.Equal(
            [(300L, 100), (325L, 300), (350L, 250)],
            reframe.GetProperty("keyframes").EnumerateArray().Select(k => (k.GetProperty("source_frame").GetInt64(), k.GetProperty("x").GetInt32())));
    }

    private static double Frames(string rational)
    {
        var parts = rational.TrimEnd('s').Split('/');
        return double.Parse(parts[0], CultureInfo.InvariantCulture) / (parts.Length == 1 ? 1 : double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<n>\d{3})  AX\s+AA/V\s+(?<how>[CD])\s+(?<frames>\d{3})?\s*(?<srcIn>\S+) (?<srcOut>\S+) (?<recIn>\S+) (?<recOut>\S+)$", RegexOptions.Multiline)]
    private static partial Regex EventLine();
}
