using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

public sealed class ConfigurationTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-config-");

    public void Dispose() => root.Delete(recursive: true);

    [Theory]
    [InlineData("HIGHLIGHTS_RENDER__CRF", "99", "Crf")]
    [InlineData("HIGHLIGHTS_RENDER__PRESET", "warp-speed", "Preset")]
    [InlineData("HIGHLIGHTS_PROBE__MAXDURATION", "00:00:00", "MaxDuration")]
    [InlineData("HIGHLIGHTS_LLM__OVERLAPTOKENS", "5000", "Llm:OverlapTokens")]
    [InlineData("HIGHLIGHTS_LLM__MAXTOKENSFIELD", "max_output", "MaxTokensField")]
    [InlineData("HIGHLIGHTS_WHISPER__WINDOWDURATION", "00:00:05", "Whisper:WindowOverlap")]
    [InlineData("HIGHLIGHTS_WHISPER__LANGUAGE", "English", "Whisper:Language")]
    [InlineData("HIGHLIGHTS_SIGNALS__FACERATE", "100", "FaceRate")]
    [InlineData("HIGHLIGHTS_RENDER__LOUDNESSTARGET", "-18", "LoudnessTarget")]
    [InlineData("HIGHLIGHTS_REFRAME__MAXSPEED", "0", "MaxSpeed")]
    public async Task An_invalid_setting_stops_the_program_before_any_work_and_names_the_option(string variable, string value, string option)
    {
        var video = Path.Combine(root.FullName, "v.mp4");
        var cli = new CliProcess(Path.Combine(root.FullName, "state"), new Dictionary<string, string> { [variable] = value });

        var result = await cli.RunAsync("process", video, "--out", Path.Combine(root.FullName, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: configuration:", result.StandardError);
        Assert.Contains(option, result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(root.FullName, "state")), "no state may be written before the settings are valid");
    }

    [Fact]
    public async Task A_missing_prompts_folder_is_reported_with_the_setting_to_fix_it()
    {
        var video = Path.Combine(root.FullName, "v.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=2", "-c:v", "libx264", "-preset", "ultrafast", video);
        var cli = new CliProcess(Path.Combine(root.FullName, "state"), new Dictionary<string, string> { ["HIGHLIGHTS_PROMPTS__DIRECTORY"] = Path.Combine(root.FullName, "nowhere") });

        var result = await cli.RunAsync("process", video, "--out", Path.Combine(root.FullName, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("offline-selector.json", result.StandardError);
        Assert.Contains("HIGHLIGHTS_PROMPTS__DIRECTORY", result.StandardError);
    }
}
