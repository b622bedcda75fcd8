using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Signals;

/// <summary><c>highlights analyze</c> end to end: the real CLI, ffmpeg, the shim and the cascades on generated videos.</summary>
[Collection(SignalVideosCollection.Name)]
public sealed class AnalyzeCommandTests(SignalVideosFixture videos)
{
    private static float[] Series(JsonElement signals, string name) =>
        [.. signals.GetProperty("series").GetProperty(name).EnumerateArray().Select(v => v.GetSingle())];

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    private static IEnumerable<JsonElement> Events(JsonElement signals, string type) =>
        signals.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("type").GetString() == type);

    private async Task<(JsonElement Signals, CliResult Result, CliProcess Cli)> AnalyzeAsync(string video, CliProcess? cli = null, string target = "60")
    {
        cli ??= new CliProcess(videos.NewFolder("state"));
        var output = videos.NewFolder("out");
        var result = await cli.RunAsync("analyze", video, "--out", output, "--target", target);
        Assert.True(result.ExitCode == 0, result.ToString());
        var path = Path.Combine(output, "signals.json");
        await SignalsSchema.AssertValidAsync(path);
        return (Json.Read(path), result, cli);
    }

    [Fact]
    public async Task Excitement_and_reaction_peak_inside_the_exciting_part_and_the_burst_is_found_where_it_starts()
    {
        var (signals, result, _) = await AnalyzeAsync(videos.CalmThenExciting);

        var step = signals.GetProperty("step").GetDouble();
        Assert.Equal(40, signals.GetProperty("steps").GetInt32());
        var excitement = Series(signals, "audio_excitement");
        var reaction = Series(signals, "visual_reaction");
        Assert.InRange(ArgMax(excitement) * step, SignalVideosFixture.ExcitingFrom, SignalVideosFixture.ExcitingTo);
        Assert.InRange(ArgMax(reaction) * step, SignalVideosFixture.ExcitingFrom, SignalVideosFixture.ExcitingTo);
        Assert.All(excitement.Take(20), v => Assert.True(v < 0.2f, $"calm excitement {v}"));
        Assert.All(reaction.Take(20), v => Assert.True(v < 0.2f, $"calm reaction {v}"));

        var burst = Assert.Single(Events(signals, "loudness_burst"));
        Assert.InRange(burst.GetProperty("start").GetDouble(), SignalVideosFixture.BurstAt - 0.2, SignalVideosFixture.BurstAt + 0.3);
        Assert.All(Events(signals, "reaction_peak").Concat(Events(signals, "excitement_peak")), peak =>
            Assert.InRange(peak.GetProperty("peak").GetDouble(), SignalVideosFixture.ExcitingFrom, SignalVideosFixture.ExcitingTo));
        Assert.NotEmpty(Events(signals, "reaction_peak"));

        // Faces and smiles only where the portrait is on screen; the portrait's entrance is a cut.
        Assert.All(Series(signals, "face_count").Take(20), v => Assert.Equal(0f, v));
        Assert.Contains(Series(signals, "face_count").Skip(20), v => v > 0);
        Assert.Contains(Series(signals, "smile").Skip(20), v => v > 0);
        var cut = Assert.Single(Events(signals, "scene_cut"));
        Assert.Equal(SignalVideosFixture.ExcitingFrom, cut.GetProperty("start").GetDouble(), 1);

        Assert.Contains("signals:", result.StandardOutput);
        Assert.Contains("loudness_burst", result.StandardOutput);
    }

    [Fact]
    public async Task Process_after_analyze_reuses_the_signals_checkpoint_and_cuts_the_exciting_part()
    {
        // The target is part of the video's identity, so the analysis is asked for with the target of the later run.
        var (_, _, cli) = await AnalyzeAsync(videos.CalmThenExciting, target: "10");
        var output = videos.NewFolder("process");

        var result = await cli.RunAsync("process", videos.CalmThenExciting, "--out", output, "--target", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        var stages = Json.Read(Path.Combine(output, "report.json")).GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("skipped (checkpoint)", stages["signals"]);
        Assert.Equal("ran", stages["select"]);
        var segment = Assert.Single(Json.Read(Path.Combine(output, "edl.json")).GetProperty("segments").EnumerateArray());
        Assert.InRange(segment.GetProperty("start").GetDouble(), SignalVideosFixture.ExcitingFrom - 0.1, SignalVideosFixture.ExcitingTo);
        Assert.Contains(segment.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("visual reaction", StringComparison.Ordinal));
        await EdlSchema.AssertValidAsync(Path.Combine(output, "edl.json"));
    }

    [Fact]
    public async Task A_video_without_audio_gives_flat_zero_audio_series_and_still_measures_the_picture()
    {
        var (signals, _, _) = await AnalyzeAsync(videos.NoAudio);

        Assert.False(signals.GetProperty("inputs").GetProperty("has_audio").GetBoolean());
        Assert.Equal(12, signals.GetProperty("steps").GetInt32());
        Assert.All(Series(signals, "audio_loudness").Concat(Series(signals, "audio_excitement")), v => Assert.Equal(0f, v));
        Assert.Empty(Events(signals, "loudness_burst"));
        Assert.Contains(Series(signals, "motion"), v => v > 0);
    }

    [Fact]
    public async Task A_frozen_picture_gives_flat_visual_series_with_no_motion_cuts_or_peaks()
    {
        var (signals, _, _) = await AnalyzeAsync(videos.Frozen);

        // Only the encoder's noise moves (its first frames settle): far below what scales to 1, so it stays near 0.
        Assert.True(signals.GetProperty("inputs").GetProperty("has_audio").GetBoolean());
        Assert.All(Series(signals, "motion"), v => Assert.InRange(v, 0f, 0.1f));
        Assert.All(Series(signals, "scene_cut"), v => Assert.Equal(0f, v));
        var reaction = Series(signals, "visual_reaction");
        Assert.InRange(reaction.Max() - reaction.Min(), 0f, 0.1f);
        Assert.Empty(Events(signals, "reaction_peak"));
        Assert.Empty(Events(signals, "scene_cut"));
    }

    [Fact]
    public async Task Analysing_again_takes_the_signals_from_the_checkpoint()
    {
        var (first, _, cli) = await AnalyzeAsync(videos.NoAudio);

        var (second, result, _) = await AnalyzeAsync(videos.NoAudio, cli);

        Assert.Contains("(resumed from checkpoints)", result.StandardOutput);
        Assert.Contains("signals     skipped (checkpoint", result.StandardError);
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    /// <summary>Issue 12, item 4: the way out a missing model's error offers is one <c>analyze</c> accepts.</summary>
    [Fact]
    public async Task Without_a_model_analyze_offers_and_accepts_the_ways_process_has()
    {
        var noModel = new Dictionary<string, string>
        {
            ["HIGHLIGHTS_WHISPER__MODEL"] = "base.en",
            ["HIGHLIGHTS_WHISPER__MODELSDIRECTORY"] = videos.NewFolder("no-models"),
        };
        var cli = new CliProcess(videos.NewFolder("state"), noModel);

        var refused = await cli.RunAsync("analyze", videos.CalmThenExciting, "--out", videos.NewFolder("out"));
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--allow-no-transcript", refused.StandardError);

        var output = videos.NewFolder("out");
        var allowed = await cli.RunAsync("analyze", videos.CalmThenExciting, "--out", output, "--allow-no-transcript");
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        await SignalsSchema.AssertValidAsync(Path.Combine(output, "signals.json"));
        Assert.Contains("--model", (await cli.RunAsync("analyze", "--help")).StandardOutput);
    }
}
