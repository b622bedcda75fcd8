using Xunit.Abstractions;
using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Signals;

/// <summary>
/// The coarse-to-fine visual pass against the full-rate one on a generated two-minute video: still and moving scenes
/// in turn, hard cuts between them, and a loud stretch the selection will want (the life scenes seeded, so the video
/// is the same every run). Both through <c>highlights analyze</c>.
/// </summary>
[Collection(SignalVideosCollection.Name)]
public sealed class CoarseToFineTests(SignalVideosFixture videos, ITestOutputHelper output)
{
    private const int SceneSeconds = 15;
    private const int Scenes = 8;

    [Fact]
    public async Task The_coarse_series_follow_the_full_rate_ones_and_the_fine_pass_decodes_only_its_windows()
    {
        var video = await MakeAsync();
        var full = await AnalyzeAsync(video, "full");
        var coarse = await AnalyzeAsync(video, null);

        var inputs = coarse.GetProperty("inputs");
        Assert.Equal("full", full.GetProperty("inputs").GetProperty("mode").GetString());
        Assert.Equal("coarse-to-fine", inputs.GetProperty("mode").GetString());
        var windows = inputs.GetProperty("fine_windows").EnumerateArray()
            .Select(w => (Start: w.GetProperty("start").GetDouble(), End: w.GetProperty("end").GetDouble())).ToList();
        Assert.NotEmpty(windows);

        // The fine pass: its windows hold the target's fine share (1.5 x 10 s) plus the padding, nothing more, and
        // the frames analysed are the keyframes plus 4 per second of window, not 4 per second of video.
        var windowSeconds = windows.Sum(w => w.End - w.Start);
        Assert.InRange(windowSeconds, 10, 15 + (windows.Count * 2 * 1.5));
        var keyframes = inputs.GetProperty("keyframes").GetInt32();
        // Each keyframe decoded exactly once, or the faces found on them would be timed to their neighbours.
        var packets = await Ffmpeg.Tool.ReadVideoPacketsAsync(video, 0, CancellationToken.None);
        Assert.Equal(packets.Count(p => p.Key), keyframes);
        var fineFrames = inputs.GetProperty("frames").GetInt32() - keyframes;
        Assert.InRange(fineFrames, (windowSeconds * 4) - windows.Count, (windowSeconds * 4) + windows.Count);
        var fullFrames = full.GetProperty("inputs").GetProperty("frames").GetInt32();
        Assert.True(fineFrames + keyframes < fullFrames / 3, $"coarse-to-fine analysed {fineFrames + keyframes} frames, full {fullFrames}");

        // The loud moving scene the selection wants is inside a window.
        Assert.Contains(windows, w => w.Start < LoudFrom + 5 && w.End > LoudFrom + 5);

        // Outside the windows the series come from packets and keyframes; they must still follow the full-rate ones.
        var step = coarse.GetProperty("step").GetDouble();
        var outside = Enumerable.Range(0, coarse.GetProperty("steps").GetInt32())
            .Where(i => !windows.Any(w => (i * step) >= w.Start - 1e-9 && (i * step) < w.End - 1e-9)).ToList();
        var motion = Correlation(Series(coarse, "motion"), Series(full, "motion"), outside);
        var reaction = Correlation(Series(coarse, "visual_reaction"), Series(full, "visual_reaction"), outside);
        output.WriteLine($"outside the fine windows ({outside.Count} steps): motion r = {motion:F3}, visual reaction r = {reaction:F3}; {fineFrames} fine frames + {keyframes} keyframes against {fullFrames}");
        Assert.True(motion > 0.8, $"motion correlation {motion:F3}");
        Assert.True(reaction > 0.7, $"visual reaction correlation {reaction:F3}");

        // Cuts from the packets where no window covers them: most of the hard cuts between scenes (a cut to a flat
        // picture costs the encoder nothing, so the packets cannot show it), and none where there is no cut.
        var cuts = coarse.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "scene_cut").Select(e => e.GetProperty("start").GetDouble()).ToList();
        var truth = Enumerable.Range(1, Scenes - 1).Select(s => (double)(s * SceneSeconds)).ToList();
        var found = truth.Count(t => cuts.Any(c => Math.Abs(c - t) <= 0.6));
        output.WriteLine($"cuts: {found} of {truth.Count} found; events at {string.Join(", ", cuts)}");
        Assert.True(found >= truth.Count - 2, $"{found} of {truth.Count} cuts found: {string.Join(", ", cuts)}");
        Assert.All(cuts, c => Assert.True(truth.Any(t => Math.Abs(c - t) <= 0.6), $"a cut at {c} s where the scene does not change"));
    }

    /// <summary>Where the loud, moving scene starts (scene 5 of 8).</summary>
    private const int LoudFrom = 4 * SceneSeconds;

    private async Task<string> MakeAsync()
    {
        var path = Path.Combine(videos.NewFolder("coarse"), "scenes.mp4");
        string[] sources =
        [
            "color=c=0x303030", "testsrc2", "smptebars", "life=ratio=0.3:mold=10:seed=7:s=320x180", "testsrc2", "color=c=0x806040", "life=ratio=0.3:seed=11:s=320x180", "smptebars",
        ];
        var arguments = new List<string>();
        foreach (var source in sources)
        {
            var size = source.StartsWith("life", StringComparison.Ordinal) ? string.Empty : ":s=320x180";
            arguments.AddRange(["-f", "lavfi", "-t", $"{SceneSeconds}", "-i", $"{source}{(source.Contains('=') ? ':' : '=')}r=25{size}"]);
        }

        arguments.AddRange(["-f", "lavfi", "-i", $"sine=frequency=220:sample_rate=48000:duration={Scenes * SceneSeconds}"]);
        arguments.AddRange(["-f", "lavfi", "-i", $"anoisesrc=color=white:amplitude=0.6:sample_rate=48000:duration={SceneSeconds}"]);
        var scaled = string.Concat(Enumerable.Range(0, Scenes).Select(i => $"[{i}:v]scale=320:180,setsar=1,format=yuv420p[v{i}];"));
        var concat = string.Concat(Enumerable.Range(0, Scenes).Select(i => $"[v{i}]")) + $"concat=n={Scenes}:v=1:a=0[v];";
        var audio = $"[{Scenes}:a]volume=0.05[bed];[{Scenes + 1}:a]adelay={LoudFrom * 1000}:all=1[roar];[bed][roar]amix=inputs=2:normalize=0:duration=first[a]";
        arguments.AddRange(["-filter_complex", scaled + concat + audio, "-map", "[v]", "-map", "[a]"]);

        // veryfast keeps x264's scene-cut keyframes (ultrafast turns them off).
        arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", path]);
        await Ffmpeg.RunAsync([.. arguments]);
        return path;
    }

    private async Task<JsonElement> AnalyzeAsync(string video, string? mode)
    {
        var environment = mode is null ? null : new Dictionary<string, string> { ["HIGHLIGHTS_SIGNALS__MODE"] = mode };
        var cli = new CliProcess(videos.NewFolder("state"), environment);
        var folder = videos.NewFolder("out");
        var result = await cli.RunAsync("analyze", video, "--out", folder, "--target", "10");
        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(folder, "signals.json");
        await SignalsSchema.AssertValidAsync(path);
        return Json.Read(path);
    }

    private static float[] Series(JsonElement signals, string name) =>
        [.. signals.GetProperty("series").GetProperty(name).EnumerateArray().Select(v => v.GetSingle())];

    private static double Correlation(float[] a, float[] b, IReadOnlyList<int> at)
    {
        var x = at.Select(i => (double)a[i]).ToArray();
        var y = at.Select(i => (double)b[i]).ToArray();
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y, (p, q) => (p - mx) * (q - my)).Sum();
        var sx = Math.Sqrt(x.Sum(p => (p - mx) * (p - mx)));
        var sy = Math.Sqrt(y.Sum(q => (q - my) * (q - my)));
        return sx == 0 || sy == 0 ? 0 : cov / (sx * sy);
    }
}
