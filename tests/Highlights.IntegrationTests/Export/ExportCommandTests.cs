using System.Xml.Linq;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Export;

[Collection(TalkVideoCollection.Name)]
public sealed class ExportCommandTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task A_processed_edl_exports_to_all_three_formats_with_captions_beside_them()
    {
        var (cli, output, _) = await fixture.ProcessAsync(12);
        var edlPath = Path.Combine(output, "edl.json");
        var segments = Json.Read(edlPath).GetProperty("segments").GetArrayLength();

        foreach (var format in new[] { "otio", "fcpxml", "cmx3600" })
        {
            (await cli.RunAsync("export", edlPath, "--format", format, "--out", Path.Combine(output, $"reel-{format}.{format}"))).AssertSucceeded();
            Assert.True(File.Exists(Path.Combine(output, $"reel-{format}.srt")));
        }

        await EdlSchema.AssertValidAsync(Path.Combine(output, "reel-otio.otio"), Path.Combine(RepoPaths.Root, "docs", "otio-subset.schema.json"));
        Assert.Equal(segments, XDocument.Load(Path.Combine(output, "reel-fcpxml.fcpxml")).Descendants("asset-clip").Count());
        var cmx = await File.ReadAllLinesAsync(Path.Combine(output, "reel-cmx3600.cmx3600"));
        Assert.Equal(segments, cmx.Count(l => l.Contains("  AX  ", StringComparison.Ordinal)));
        Assert.Contains("FCM: NON-DROP FRAME", cmx);
        var srt = await File.ReadAllTextAsync(Path.Combine(output, "reel-otio.srt"));
        Assert.StartsWith("1\n00:00:00,000 --> ", srt);

        // As the API's export?format=srt: the captions alone, the same text as beside the other formats.
        (await cli.RunAsync("export", edlPath, "--format", "srt", "--out", Path.Combine(output, "alone.srt"))).AssertSucceeded();
        Assert.Equal(srt, await File.ReadAllTextAsync(Path.Combine(output, "alone.srt")));
        Assert.Equal(["alone.srt"], Directory.GetFiles(output, "alone.*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_crossfaded_vertical_edl_exports_its_dissolves_and_crop_paths()
    {
        var cli = new CliProcess(fixture.NewFolder("state"));
        var output = fixture.NewFolder("out");
        (await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--target", "12", "--framing", "vertical", "--crossfade", "200")).AssertSucceeded();
        var edlPath = Path.Combine(output, "edl.json");
        var boundaries = Json.Read(edlPath).GetProperty("segments").GetArrayLength() - 1;

        foreach (var format in new[] { "otio", "fcpxml" })
        {
            (await cli.RunAsync("export", edlPath, "--format", format, "--out", Path.Combine(output, $"reel.{format}"))).AssertSucceeded();
        }

        await EdlSchema.AssertValidAsync(Path.Combine(output, "reel.otio"), Path.Combine(RepoPaths.Root, "docs", "otio-subset.schema.json"));
        var otio = Json.Read(Path.Combine(output, "reel.otio"));
        var video = otio.GetProperty("tracks").GetProperty("children")[0].GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(boundaries, video.Count(i => i.GetProperty("OTIO_SCHEMA").GetString() == "Transition.1"));
        Assert.All(video.Where(i => i.GetProperty("OTIO_SCHEMA").GetString() == "Clip.2"), c => c.GetProperty("metadata").GetProperty("highlights").GetProperty("reframe"));
        var fcpxml = XDocument.Load(Path.Combine(output, "reel.fcpxml"));
        Assert.Equal(boundaries, fcpxml.Descendants("transition").Count());
        Assert.All(fcpxml.Descendants("asset-clip"), c => Assert.NotNull(c.Element("adjust-transform")));
    }

    [Fact]
    public async Task Exporting_something_that_is_not_an_edl_is_rejected_clearly()
    {
        var folder = fixture.NewFolder("bad");
        var notEdl = Path.Combine(folder, "notes.json");
        await File.WriteAllTextAsync(notEdl, "{\"hello\": ");

        var result = await new CliProcess(fixture.NewFolder("state")).RunAsync("export", notEdl, "--format", "otio");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("notes.json: not valid EDL JSON", result.StandardError);
        Assert.Equal([notEdl], Directory.GetFiles(folder));
    }
}
