using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary><c>process</c> choosing between captions and Whisper, and what it does when Whisper cannot run.</summary>
[Collection(TalkVideoCollection.Name)]
public sealed class WhisperPipelineTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task A_video_without_captions_is_transcribed_by_whisper_and_the_report_says_how()
    {
        var video = CopyWithoutCaptions();
        var output = fixture.NewFolder("out");

        var result = await NewCli().RunAsync("process", video, "--out", output, "--target", "10");

        Assert.True(result.ExitCode == 0, result.ToString());
        var transcript = Json.Read(Path.Combine(output, "report.json")).GetProperty("transcript");
        Assert.Equal("whisper", transcript.GetProperty("source").GetString());
        Assert.Equal(1, transcript.GetProperty("whisper").GetProperty("windows").GetInt32());
        Assert.Equal(0, transcript.GetProperty("whisper").GetProperty("windows_from_checkpoint").GetInt32());
        await EdlSchema.AssertValidAsync(Path.Combine(output, "edl.json"));
    }

    [Fact]
    public async Task Captions_win_unless_whisper_is_forced()
    {
        var output = fixture.NewFolder("forced");

        var result = await NewCli().RunAsync("process", fixture.Talk.VideoPath, "--out", output, "--target", "10", "--force-whisper");

        Assert.True(result.ExitCode == 0, result.ToString());
        var transcript = Json.Read(Path.Combine(output, "report.json")).GetProperty("transcript");
        Assert.Equal("whisper", transcript.GetProperty("source").GetString());
        Assert.Equal($"whisper {RepoPaths.WhisperTestModel}", transcript.GetProperty("origin").GetString());
    }

    [Fact]
    public async Task Without_a_model_process_stops_naming_it_unless_told_to_go_on()
    {
        var video = CopyWithoutCaptions();
        var models = fixture.NewFolder("no-models");
        var cli = NewCli(("HIGHLIGHTS_WHISPER__MODEL", "base.en"), ("HIGHLIGHTS_WHISPER__MODELSDIRECTORY", models));

        var stopped = await cli.RunAsync("process", video, "--out", fixture.NewFolder("stopped"));
        var output = fixture.NewFolder("allowed");
        var allowed = await cli.RunAsync("process", video, "--out", output, "--target", "10", "--allow-no-transcript");

        Assert.Equal(2, stopped.ExitCode);
        Assert.Contains(Path.Combine(models, "ggml-base.en.bin"), stopped.StandardError);
        Assert.Contains("./highlights models download base.en", stopped.StandardError);
        Assert.Contains("--allow-no-transcript", stopped.StandardError);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var report = Json.Read(Path.Combine(output, "report.json"));
        Assert.Equal("none", report.GetProperty("transcript").GetProperty("source").GetString());
        Assert.Contains(Warnings(report), w => w.Contains("./highlights models download base.en", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sidecar_added_later_is_used_and_the_edl_names_the_file_it_was_given()
    {
        var video = CopyWithoutCaptions();
        var cli = NoModelCli();

        var bare = await cli.RunAsync("process", video, "--out", fixture.NewFolder("bare"), "--target", "10", "--allow-no-transcript");
        File.Copy(fixture.Talk.CaptionsPath, Path.ChangeExtension(video, ".srt"));
        var captionedOut = fixture.NewFolder("captioned");
        var captioned = await cli.RunAsync("process", video, "--out", captionedOut, "--target", "10", "--allow-no-transcript");
        var twin = Path.Combine(fixture.NewFolder("twin"), "copy.mp4");
        File.Copy(video, twin);
        var twinOut = fixture.NewFolder("twin-out");
        var twinRun = await cli.RunAsync("process", twin, "--out", twinOut, "--target", "10", "--allow-no-transcript");

        Assert.True(bare.ExitCode == 0, bare.ToString());
        Assert.True(captioned.ExitCode == 0, captioned.ToString());
        Assert.Equal("sidecar", Json.Read(Path.Combine(captionedOut, "report.json")).GetProperty("transcript").GetProperty("source").GetString());
        Assert.True(twinRun.ExitCode == 0, twinRun.ToString());
        var twinReport = Json.Read(Path.Combine(twinOut, "report.json"));
        Assert.Equal("none", twinReport.GetProperty("transcript").GetProperty("source").GetString());
        Assert.Equal(twin, twinReport.GetProperty("source").GetString());
        Assert.Equal(twin, Json.Read(Path.Combine(twinOut, "edl.json")).GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Allowing_no_transcript_redoes_only_the_transcript_and_the_first_message_offers_captions()
    {
        var video = CopyWithoutCaptions();
        var cli = NoModelCli();

        var stopped = await cli.RunAsync("process", video, "--out", fixture.NewFolder("stopped"), "--target", "10");
        var output = fixture.NewFolder("allowed");
        var allowed = await cli.RunAsync("process", video, "--out", output, "--target", "10", "--allow-no-transcript");
        var strict = await cli.RunAsync("process", video, "--out", fixture.NewFolder("strict"), "--target", "10");

        Assert.Equal(2, stopped.ExitCode);
        Assert.Contains("--captions FILE", stopped.StandardError);
        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        var stages = Json.Read(Path.Combine(output, "report.json")).GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("skipped (checkpoint)", stages["probe"]);
        Assert.Equal("skipped (checkpoint)", stages["audio"]);
        Assert.Equal("ran", stages["transcript"]);

        // A transcript left out only by permission does not stand for a run that did not give it.
        Assert.Equal(2, strict.ExitCode);
    }

    private string CopyWithoutCaptions()
    {
        var video = Path.Combine(fixture.NewFolder("uncaptioned"), "talk.mp4");
        File.Copy(fixture.Talk.VideoPath, video);
        return video;
    }

    private CliProcess NoModelCli() =>
        NewCli(("HIGHLIGHTS_WHISPER__MODEL", "base.en"), ("HIGHLIGHTS_WHISPER__MODELSDIRECTORY", fixture.NewFolder("no-models")));

    private static List<string> Warnings(JsonElement report) =>
        [.. report.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)];

    private CliProcess NewCli(params (string Key, string Value)[] environment) =>
        new(fixture.NewFolder("state"), environment.ToDictionary(e => e.Key, e => e.Value));
}
