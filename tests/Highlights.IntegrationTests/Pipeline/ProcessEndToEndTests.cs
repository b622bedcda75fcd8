using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

[Collection(TalkVideoCollection.Name)]
public sealed class ProcessEndToEndTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task Process_writes_a_valid_edl_a_reel_as_long_as_the_edl_and_a_report()
    {
        var (_, output, result) = await fixture.ProcessAsync(12);

        var edlPath = Path.Combine(output, "edl.json");
        await EdlSchema.AssertValidAsync(edlPath);
        var edl = Json.Read(edlPath);
        var segments = edl.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        Assert.InRange(edl.GetProperty("total_duration").GetDouble(), 0.1, 12.0);

        // Every cut starts and ends on a caption boundary: the generator knows where each line was spoken.
        var cueStarts = fixture.Talk.Lines.Select(c => c.Start).ToList();
        var cueEnds = fixture.Talk.Lines.Select(c => c.End).ToList();
        var frame = 1 / edl.GetProperty("source").GetProperty("fps").GetDouble();
        foreach (var segment in segments)
        {
            Assert.Contains(cueStarts, s => Math.Abs(s - segment.GetProperty("start").GetDouble()) <= frame);
            Assert.Contains(cueEnds, e => Math.Abs(e - segment.GetProperty("end").GetDouble()) <= frame);
        }

        // The rendered reel is as long as the EDL says, within one frame per segment, for picture and sound.
        var reel = Path.Combine(output, "highlights.mp4");
        var expected = edl.GetProperty("total_duration").GetDouble();
        var tolerance = segments.Count * frame;
        Assert.InRange(await Ffmpeg.StreamDurationAsync(reel, "v:0"), expected - tolerance, expected + tolerance);
        Assert.InRange(await Ffmpeg.StreamDurationAsync(reel, "a:0"), expected - tolerance, expected + tolerance);
        var frames = segments.Sum(s => s.GetProperty("end_frame").GetInt64() - s.GetProperty("start_frame").GetInt64());
        Assert.Equal(frames, await Ffmpeg.CountFramesAsync(reel));

        // Normalised to the default target from the whole source's measured loudness; tagged BT.709.
        Assert.InRange(await Render.ReelHarness.LoudnessAsync(reel), -17, -15);
        Assert.Equal("bt709", (await Ffmpeg.ProbeAsync(reel)).Video!.ColorSpace);

        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.All(report.GetProperty("stages").EnumerateArray(), s => Assert.Equal("ran", s.GetProperty("status").GetString()));
        Assert.Equal("sidecar", report.GetProperty("transcript").GetProperty("source").GetString());
        Assert.Contains("edl:", result.StandardOutput);
    }

    [Fact]
    public async Task Exciting_lines_are_chosen_over_calm_ones()
    {
        var processed = await fixture.ProcessAsync(8);

        var chosen = Json.Read(processed.EdlPath).GetProperty("segments").EnumerateArray()
            .Select(s => s.GetProperty("text").GetString())
            .ToList();
        Assert.All(chosen, text => Assert.Contains(text, fixture.Talk.ExcitedLines.Select(c => c.Text)));
    }

    [Fact]
    public async Task Running_again_skips_every_finished_stage_and_says_so()
    {
        var (cli, output, _) = await fixture.ProcessAsync(10);
        var firstEdl = await File.ReadAllTextAsync(Path.Combine(output, "edl.json"));

        var second = (await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--target", "10")).AssertSucceeded();

        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.True(report.GetProperty("resumed").GetBoolean());
        Assert.All(report.GetProperty("stages").EnumerateArray(), s => Assert.Equal("skipped (checkpoint)", s.GetProperty("status").GetString()));
        Assert.Contains("skipped (checkpoint", second.StandardError);
        Assert.Equal(firstEdl, await File.ReadAllTextAsync(Path.Combine(output, "edl.json")));
    }

    [Fact]
    public async Task A_different_target_is_a_different_video_with_its_own_checkpoints()
    {
        var cli = new CliProcess(fixture.NewFolder("state"));
        var a = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--target", "6");
        var b = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--target", "9");

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a + "\n" + b);
        Assert.Equal(2, Directory.GetDirectories(cli.StateDirectory).Length);
        Assert.DoesNotContain("skipped (checkpoint", b.StandardError);
    }

    [Fact]
    public async Task Each_cut_starts_on_the_frame_the_edl_names()
    {
        var (_, output, _) = await fixture.ProcessAsync(12);
        var edl = Json.Read(Path.Combine(output, "edl.json"));
        var reel = Path.Combine(output, "highlights.mp4");

        long reelFrame = 0;
        foreach (var segment in edl.GetProperty("segments").EnumerateArray())
        {
            var start = segment.GetProperty("start_frame").GetInt64();
            var cut = await Ffmpeg.GreyThumbnailAsync(reel, reelFrame);

            // The moving test pattern makes neighbouring frames differ; the cut must match its own frame best.
            var distances = new Dictionary<long, double>();
            foreach (var candidate in new[] { start - 1, start, start + 1 }.Where(f => f >= 0))
            {
                distances[candidate] = MeanAbsoluteDifference(cut, await Ffmpeg.GreyThumbnailAsync(fixture.Talk.VideoPath, candidate));
            }

            Assert.Equal(start, distances.MinBy(d => d.Value).Key);
            reelFrame += segment.GetProperty("end_frame").GetInt64() - start;
        }
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
    }
}
