using System.Text.Json;
using Highlights.IntegrationTests.Fixtures;

namespace Highlights.IntegrationTests.Pipeline;

public sealed class TranscriptResumeTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("highlights-transcript-resume-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public async Task A_run_killed_during_transcription_resumes_at_the_window_after_the_last_checkpoint()
    {
        // 24 s of sound in 3 s windows: eight whisper runs, long enough to be killed between two of them. A model
        // with random weights says something in every window, so the stitched transcript has content to compare.
        var source = Path.Combine(root.FullName, "noise.mp4");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=24", "-f", "lavfi", "-i", "anoisesrc=color=pink:duration=24:amplitude=0.2",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", source);
        var model = Path.Combine(root.FullName, "nonsense.bin");
        NonsenseWhisperModel.Write(model);
        var settings = new Dictionary<string, string>
        {
            ["HIGHLIGHTS_WHISPER__MODEL"] = model,
            ["HIGHLIGHTS_WHISPER__WINDOWDURATION"] = "00:00:03",
            ["HIGHLIGHTS_WHISPER__WINDOWOVERLAP"] = "00:00:01",
        };
        var cli = new CliProcess(Path.Combine(root.FullName, "state"), settings);
        var output = Path.Combine(root.FullName, "out");

        int windowsSeen;
        using (var doomed = cli.Start("process", source, "--out", output, "--target", "10"))
        {
            windowsSeen = await WaitForCheckpointedWindowsAsync(cli.StateDirectory);
            doomed.Kill();
            await doomed.WaitForExitAsync();
        }

        var crashed = ReadState(cli.StateDirectory);
        Assert.Equal(("running", "transcript"), (crashed.GetProperty("status").GetString(), crashed.GetProperty("current_stage").GetString()));
        var saved = crashed.GetProperty("partials").GetProperty("transcript").GetProperty("result").GetProperty("windows_done").GetInt32();
        Assert.InRange(saved, windowsSeen, 7);

        var resumed = await cli.RunAsync("process", source, "--out", output, "--target", "10");

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var report = Json.Read(Path.Combine(output, "report.json"));
        var whisper = report.GetProperty("transcript").GetProperty("whisper");
        Assert.Equal(8, whisper.GetProperty("windows").GetInt32());
        Assert.Equal(saved, whisper.GetProperty("windows_from_checkpoint").GetInt32());
        var stages = report.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal(("skipped (checkpoint)", "skipped (checkpoint)", "ran"), (stages["probe"], stages["audio"], stages["transcript"]));
        Assert.False(ReadState(cli.StateDirectory).GetProperty("partials").TryGetProperty("transcript", out _));

        // Nothing lost or doubled: the resumed transcript is the one an uninterrupted run makes.
        var uninterrupted = new CliProcess(Path.Combine(root.FullName, "state-uninterrupted"), settings);
        var reference = await uninterrupted.RunAsync("process", source, "--out", Path.Combine(root.FullName, "out-uninterrupted"), "--target", "10");
        Assert.True(reference.ExitCode == 0, reference.ToString());
        var cues = Cues(cli.StateDirectory);
        Assert.NotEqual(0, cues.GetArrayLength());
        Assert.Equal(Cues(uninterrupted.StateDirectory).GetRawText(), cues.GetRawText());
    }

    /// <summary>Polls the state until at least one transcription window is checkpointed; returns how many are.</summary>
    private static async Task<int> WaitForCheckpointedWindowsAsync(string stateDirectory)
    {
        for (var i = 0; i < 2400; i++)
        {
            if (Directory.Exists(stateDirectory)
                && Directory.GetFiles(stateDirectory, "state.json", SearchOption.AllDirectories).FirstOrDefault() is { } path
                && Json.Read(path).TryGetProperty("partials", out var partials)
                && partials.TryGetProperty("transcript", out var transcript))
            {
                return transcript.GetProperty("result").GetProperty("windows_done").GetInt32();
            }

            await Task.Delay(25);
        }

        Assert.Fail("no transcription window was checkpointed within a minute");
        return 0;
    }

    private static JsonElement Cues(string stateDirectory) =>
        ReadState(stateDirectory).GetProperty("checkpoints").GetProperty("transcript").GetProperty("result").GetProperty("cues");

    private static JsonElement ReadState(string stateDirectory) =>
        Json.Read(Directory.GetFiles(stateDirectory, "state.json", SearchOption.AllDirectories).Single());
}
