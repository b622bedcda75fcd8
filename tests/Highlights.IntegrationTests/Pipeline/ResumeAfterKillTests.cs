using System.Diagnostics;
using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

[Collection(TalkVideoCollection.Name)]
public sealed class ResumeAfterKillTests(TalkVideoFixture fixture)
{
    [Fact]
    public async Task A_run_killed_during_render_resumes_at_render_and_redoes_nothing_else()
    {
        var source = await LongSourceAsync();
        var cli = new CliProcess(fixture.NewFolder("state"));
        var output = fixture.NewFolder("out");

        string partial;
        using (var doomed = cli.Start("process", source, "--out", output, "--target", "30"))
        {
            await WaitForLineAsync(doomed.StandardError, "render      running");
            partial = await WaitForPartialRenderAsync(cli.StateDirectory);
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }

        // ffmpeg must die with its parent, or it would race the resumed run.
        await WaitUntilAsync(() => !ProcessWritingExists(partial), "ffmpeg outlived the killed CLI");

        var crashed = ReadState(cli.StateDirectory);
        Assert.Equal("running", crashed.GetProperty("status").GetString());
        Assert.Equal("render", crashed.GetProperty("current_stage").GetString());
        Assert.False(crashed.GetProperty("checkpoints").TryGetProperty("render", out _));
        Assert.Empty(Directory.GetFiles(output));

        var resumed = await cli.RunAsync("process", source, "--out", output, "--target", "30");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var stages = Json.Read(Path.Combine(output, "report.json")).GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("ran", stages["render"]);
        Assert.All(stages.Where(s => s.Key != "render"), s => Assert.Equal("skipped (checkpoint)", s.Value));
        Assert.Equal(2, ReadState(cli.StateDirectory).GetProperty("attempts").GetInt32());

        // The killed render's partial file is swept on resume, not left to pile up.
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(StatePath(cli.StateDirectory))!, "*.tmp"));
    }

    /// <summary>
    /// Issue 12, item 5: a terminal's Ctrl-C goes to the whole foreground process group. It must reach only the CLI,
    /// which stops ffmpeg itself and ends cancelled (exit 130), not ffmpeg too, which made the stage fail first.
    /// </summary>
    [Fact]
    public async Task A_ctrl_c_at_the_terminal_cancels_the_run_instead_of_failing_it()
    {
        var source = await LongSourceAsync();
        var cli = new CliProcess(fixture.NewFolder("state"));

        using var job = cli.Start(ownSession: true, "process", source, "--out", fixture.NewFolder("out"), "--target", "30");
        await WaitForLineAsync(job.StandardError, "render      running");
        var partial = await WaitForPartialRenderAsync(cli.StateDirectory);
        using (var kill = Process.Start("kill", ["-INT", "--", $"-{job.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await job.StandardError.ReadToEndAsync();
        await job.WaitForExitAsync();

        Assert.True(job.ExitCode == 130, $"exit {job.ExitCode}\n{rest}");
        Assert.Contains("cancelled", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", rest, StringComparison.Ordinal);
        Assert.Equal("cancelled", ReadState(cli.StateDirectory).GetProperty("status").GetString());
        await WaitUntilAsync(() => !ProcessWritingExists(partial), "ffmpeg outlived the cancelled CLI");
    }

    /// <summary>Big enough that the render outlives the moment the test sees it start.</summary>
    private async Task<string> LongSourceAsync()
    {
        var source = Path.Combine(fixture.NewFolder("long"), "long.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=40", "-f", "lavfi", "-i", "anoisesrc=color=pink:duration=40:amplitude=0.3",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", source);
        return source;
    }

    private static async Task WaitForLineAsync(StreamReader reader, string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"the CLI ended before printing '{marker}'");
    }

    private static async Task<string> WaitForPartialRenderAsync(string stateDirectory)
    {
        string? partial = null;
        await WaitUntilAsync(
            () => (partial = Directory.GetFiles(stateDirectory, ".highlights.mp4.*.tmp", SearchOption.AllDirectories).FirstOrDefault()) is not null,
            "the render never started writing");
        return partial!;
    }

    /// <summary>True while a live process has <paramref name="path"/> on its command line (zombies have none).</summary>
    private static bool ProcessWritingExists(string path) =>
        Directory.GetDirectories("/proc").Any(dir =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(path, StringComparison.Ordinal);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 600; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail(failure);
    }

    private static string StatePath(string stateDirectory) => Directory.GetFiles(stateDirectory, "state.json", SearchOption.AllDirectories).Single();

    private static JsonElement ReadState(string stateDirectory) => Json.Read(StatePath(stateDirectory));
}
