using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

/// <summary>
/// Issue 12, item 8: where a command writes is checked before any work, alike for every verb: missing folders are
/// created, a file where a folder belongs (or the reverse) is exit 2 before the first stage.
/// </summary>
public sealed class OutputPathTests : IAsyncLifetime
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-out-");
    private string video = null!;

    public async Task InitializeAsync()
    {
        video = Path.Combine(root.FullName, "clip.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=3", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", video);
    }

    public Task DisposeAsync()
    {
        root.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private CliProcess Cli() => new(Path.Combine(root.FullName, "state"));

    [Fact]
    public async Task Process_into_an_existing_file_is_refused_before_the_first_stage()
    {
        var file = Path.Combine(root.FullName, "taken");
        await File.WriteAllTextAsync(file, "keep me");

        var result = await Cli().RunAsync("process", video, "--out", file, "--allow-no-transcript");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"--out {file}: is a file", result.StandardError);
        Assert.DoesNotContain("probe", result.StandardError);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Transcribe_into_a_folder_below_a_file_is_refused_before_transcribing()
    {
        var file = Path.Combine(root.FullName, "plain");
        await File.WriteAllTextAsync(file, "x");

        var result = await Cli().RunAsync("transcribe", video, "--out", Path.Combine(file, "j.srt"), "--format", "srt");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is a file, not a folder", result.StandardError);
        Assert.DoesNotContain("Transcribing", result.StandardError);
    }

    [Fact]
    public async Task Missing_folders_are_created_for_a_file_output_as_for_a_folder_output()
    {
        var transcript = Path.Combine(root.FullName, "missing", "dir", "j.srt");
        var folder = Path.Combine(root.FullName, "new", "deep");

        (await Cli().RunAsync("transcribe", video, "--out", transcript, "--format", "srt")).AssertSucceeded();
        (await Cli().RunAsync("analyze", video, "--out", folder, "--allow-no-transcript")).AssertSucceeded();

        Assert.True(File.Exists(transcript));
        Assert.True(File.Exists(Path.Combine(folder, "signals.json")));
    }
}
