using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Transcription;

/// <summary><c>highlights transcribe</c> as a user runs it: a child process, so a native crash would show as a failed run, not a dead test host.</summary>
[Collection(TalkVideoCollection.Name)]
public sealed class TranscribeCommandTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task A_generated_video_is_transcribed_to_a_well_formed_json_transcript()
    {
        var output = Path.Combine(fixture.NewFolder("transcript"), "talk.json");

        var result = await NewCli().RunAsync("transcribe", fixture.Talk.VideoPath, "--out", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var transcript = Json.Read(output);
        Assert.Equal(fixture.Talk.VideoPath, transcript.GetProperty("source").GetString());
        Assert.Equal(RepoPaths.WhisperTestModel, transcript.GetProperty("model").GetString());
        Assert.Equal("en", transcript.GetProperty("language").GetString());
        Assert.Equal(1, transcript.GetProperty("windows").GetInt32());
        Assert.InRange(transcript.GetProperty("duration_seconds").GetDouble(), fixture.Talk.DurationSeconds - 0.5, fixture.Talk.DurationSeconds + 0.5);
        Assert.Equal(0, transcript.GetProperty("segments").GetArrayLength());
        Assert.Contains("transcript  done", result.StandardError);
    }

    [Fact]
    public async Task An_audio_file_is_transcribed_to_subtitles_on_standard_output()
    {
        var vtt = await NewCli().RunAsync("transcribe", RepoPaths.Jfk, "--format", "vtt");
        var srt = await NewCli().RunAsync("transcribe", RepoPaths.Jfk, "--format", "srt", "--language", "auto");

        Assert.True(vtt.ExitCode == 0, vtt.ToString());
        Assert.Equal("WEBVTT\n\n", vtt.StandardOutput);
        Assert.True(srt.ExitCode == 0, srt.ToString());
        Assert.Equal(string.Empty, srt.StandardOutput);
    }

    [Fact]
    public async Task A_missing_model_names_the_file_and_the_command_that_downloads_it()
    {
        var models = fixture.NewFolder("models");

        var result = await NewCli(("HIGHLIGHTS_WHISPER__MODELSDIRECTORY", models)).RunAsync("transcribe", RepoPaths.Jfk, "--model", "base.en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine(models, "ggml-base.en.bin"), result.StandardError);
        Assert.Contains("./highlights models download base.en", result.StandardError);
        Assert.DoesNotContain("audio       running", result.StandardError);
    }

    [Fact]
    public async Task A_truncated_model_is_refused_without_crashing()
    {
        var bytes = await File.ReadAllBytesAsync(RepoPaths.WhisperTestModel);
        var cut = Path.Combine(fixture.NewFolder("cut-model"), "ggml-cut.bin");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 3)]);

        var result = await NewCli().RunAsync("transcribe", RepoPaths.Jfk, "--model", cut);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Whisper model {cut}", result.StandardError);
        Assert.Contains("download it again", result.StandardError);
    }

    [Fact]
    public async Task A_file_without_audio_is_rejected()
    {
        var silent = Path.Combine(fixture.NewFolder("no-audio"), "picture.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=2", "-c:v", "libx264", "-preset", "ultrafast", silent);

        var result = await NewCli().RunAsync("transcribe", silent);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{silent}: no audio stream to transcribe", result.StandardError);
    }

    private CliProcess NewCli(params (string Key, string Value)[] environment) =>
        new(fixture.NewFolder("state"), environment.ToDictionary(e => e.Key, e => e.Value));
}
