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
