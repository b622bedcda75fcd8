using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;
using Highlights.IntegrationTests.Render;

namespace Highlights.IntegrationTests.Pipeline;

[Collection(TalkVideoCollection.Name)]
public sealed class ReelOptionsEndToEndTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task A_vertical_crossfaded_captioned_reel_at_minus_23_renders_as_its_edl_says()
    {
        var cli = new CliProcess(fixture.NewFolder("state"));
        var output = fixture.NewFolder("out");

        (await cli.RunAsync(
            "process", fixture.Talk.VideoPath, "--out", output, "--target", "14",
            "--framing", "9:16", "--crossfade", "300", "--burn-captions", "--loudness", "-23")).AssertSucceeded();

        var edlPath = Path.Combine(output, "edl.json");
        await EdlSchema.AssertValidAsync(edlPath);
        var edl = Json.Read(edlPath);
        var render = edl.GetProperty("render");
        Assert.Equal(("vertical", 202, 360, true), (render.GetProperty("framing").GetString(), render.GetProperty("width").GetInt32(), render.GetProperty("height").GetInt32(), render.GetProperty("burn_captions").GetBoolean()));
        Assert.Equal(-23, render.GetProperty("loudness").GetProperty("target_lufs").GetDouble());
        var segments = edl.GetProperty("segments").EnumerateArray().ToList();
        Assert.True(segments.Count >= 2, "the test needs a boundary to crossfade");
        Assert.All(segments.Skip(1), s => Assert.Equal(JsonValueKind.Object, s.GetProperty("transition").ValueKind));
        Assert.All(segments, s => Assert.True(s.TryGetProperty("reframe", out _) && s.TryGetProperty("loudness", out _) && s.TryGetProperty("cues", out _)));

        var reel = Path.Combine(output, "highlights.mp4");
        var video = (await Ffmpeg.ProbeAsync(reel)).Video!;
        Assert.Equal((202, 360, "bt709"), (video.Width, video.Height, video.ColorSpace));
        var frames = ReelFrames(edl);
        Assert.Equal(frames, await Ffmpeg.CountFramesAsync(reel));
        Assert.InRange(await ReelHarness.LoudnessAsync(reel), -24, -22);

    }

    [Fact]
    public async Task The_render_verb_renders_an_edl_again_in_chunks_to_the_same_reel()
    {
        var processed = await fixture.ProcessAsync(14);
        var reel = Path.Combine(processed.Output, "highlights.mp4");
        var again = Path.Combine(processed.Output, "again.mp4");

        var rerun = (await processed.Cli.RunAsync("render", processed.EdlPath, "--out", again, "--chunks", "2")).AssertSucceeded();

        Assert.Contains("2 chunks", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(ReelFrames(Json.Read(processed.EdlPath)), await Ffmpeg.CountFramesAsync(again));
        Assert.Equal(await Ffmpeg.CountFramesAsync(reel), await Ffmpeg.CountFramesAsync(again));
        Assert.Equal(await Ffmpeg.StreamDurationAsync(reel, "a:0"), await Ffmpeg.StreamDurationAsync(again, "a:0"), 2);
        Assert.Equal(await ReelHarness.LoudnessAsync(reel), await ReelHarness.LoudnessAsync(again), 0);
    }

    [Fact]
    public async Task An_unknown_framing_or_loudness_is_refused_before_any_work()
    {
        var cli = new CliProcess(fixture.NewFolder("state"));

        var framing = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--framing", "4:3");
        var loudness = await cli.RunAsync("process", fixture.Talk.VideoPath, "--out", fixture.NewFolder("out"), "--loudness", "-18");

        Assert.NotEqual(0, framing.ExitCode);
        Assert.Contains("4:3", framing.StandardError, StringComparison.Ordinal);
        Assert.Contains("--loudness must be -16, -14 or -23", loudness.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(cli.StateDirectory));
    }

    /// <summary>Frames in the reel: every segment's, less what crossfades share.</summary>
    private static long ReelFrames(JsonElement edl) =>
        edl.GetProperty("segments").EnumerateArray().Sum(s =>
            s.GetProperty("end_frame").GetInt64() - s.GetProperty("start_frame").GetInt64()
            - (s.TryGetProperty("transition", out var t) ? t.GetProperty("frames").GetInt64() : 0));
}
