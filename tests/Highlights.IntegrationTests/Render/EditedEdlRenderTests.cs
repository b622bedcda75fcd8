using System.Globalization;
using System.Text.Json.Nodes;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Render;

/// <summary><c>render</c> of an EDL edited by hand: the edit of start/end takes effect, and an edit the source cannot render is refused before ffmpeg runs.</summary>
[Collection(TalkVideoCollection.Name)]
public sealed class EditedEdlRenderTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task An_edl_its_source_cannot_render_exits_2_with_one_line_naming_the_segment()
    {
        var processed = await fixture.ProcessAsync(14);
        var edits = new (string Name, Action<JsonNode> Edit, string Expected)[]
        {
            ("past-the-end", e => Segment(e, 0)["end"] = Seconds(e["source"]!["duration"]) + 300, "segment 1 (s001) end: "),
            ("end-before-start", e => Segment(e, 0)["end"] = Seconds(Segment(e, 0)["start"]) - 0.5, "segment 1 (s001) end: "),
            ("no-segments", e => e["segments"] = new JsonArray(), "segments: no segments"),
        };

        foreach (var (name, edit, expected) in edits)
        {
            var edl = await EditAsync(processed.EdlPath, name, edit);
            var reel = Path.Combine(processed.Output, $"{name}.mp4");

            var result = await processed.Cli.RunAsync("render", edl, "--out", reel);

            Assert.True(result.ExitCode == 2, $"{name}: {result}");
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.DoesNotContain("ffmpeg", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
            Assert.False(File.Exists(reel), $"{name}: no reel is written");
        }
    }

    [Fact]
    public async Task An_edited_end_time_wins_over_the_stale_frames_and_the_summary_gives_the_reel_written()
    {
        var processed = await fixture.ProcessAsync(14);
        var original = JsonNode.Parse(await File.ReadAllTextAsync(processed.EdlPath))!;
        var staleReel = Seconds(original["reel_duration"]);
        var edl = await EditAsync(processed.EdlPath, "shorter", e =>
        {
            var last = Segment(e, e["segments"]!.AsArray().Count - 1);
            var fade = last["transition"]?["duration"] is { } d ? Seconds(d) : 0;
            Assert.True(Seconds(last["end"]) - Seconds(last["start"]) > (2 * fade) + 1.5, "the test needs a last segment it can shorten by a second");
            last["end"] = Seconds(last["end"]) - 1.0;
        });
        var reel = Path.Combine(processed.Output, "shorter.mp4");

        var result = (await processed.Cli.RunAsync("render", edl, "--out", reel)).AssertSucceeded();

        var frames = DerivedReelFrames(JsonNode.Parse(await File.ReadAllTextAsync(edl))!);
        Assert.Equal(frames, await Ffmpeg.CountFramesAsync(reel));
        Assert.Equal(frames / Seconds(original["source"]!["fps"]), await Ffmpeg.StreamDurationAsync(reel, "a:0"), 1);
        var written = (await Ffmpeg.ProbeAsync(reel)).DurationSeconds;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"({written:0.0}s,"), result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(string.Create(CultureInfo.InvariantCulture, $"({staleReel:0.0}s,"), result.StandardOutput, StringComparison.Ordinal);
    }

    private static JsonNode Segment(JsonNode edl, int index) => edl["segments"]![index]!;

    private static double Seconds(JsonNode? value) => value!.GetValue<double>();

    private static async Task<string> EditAsync(string edlPath, string name, Action<JsonNode> edit)
    {
        var edl = JsonNode.Parse(await File.ReadAllTextAsync(edlPath))!;
        edit(edl);
        var path = Path.Combine(Path.GetDirectoryName(edlPath)!, $"{name}.edl.json");
        await File.WriteAllTextAsync(path, edl.ToJsonString());
        return path;
    }

    /// <summary>Frames in the reel when start/end seconds decide the cut: each on the source's frame grid, less the crossfades.</summary>
    private static long DerivedReelFrames(JsonNode edl)
    {
        var fps = Seconds(edl["source"]!["fps"]);
        long Frame(JsonNode? seconds) => (long)Math.Round(Seconds(seconds) * fps, MidpointRounding.AwayFromZero);
        return edl["segments"]!.AsArray().Sum(s =>
            Frame(s!["end"]) - Frame(s["start"]) - (s["transition"]?["frames"]?.GetValue<long>() ?? 0));
    }
}
