using System.Globalization;
using Highlights.Grains.Processes;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// Twenty distinct 2-second clips (test pattern, a tone of its own pitch), made once with ffmpeg lavfi, each with a
/// sidecar SRT so the transcript stage takes its captions instead of needing a Whisper model.
/// </summary>
public sealed class ShortVideos : IAsyncLifetime
{
    public const int Count = 20;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("highlights-clips-");

    public string Root => directory.FullName;

    public IReadOnlyList<string> Paths { get; } = [.. Enumerable.Range(0, Count).Select(i => $"clip{i:00}.mp4")];

    public async Task InitializeAsync()
    {
        using var parallel = new SemaphoreSlim(4);
        await Task.WhenAll(Paths.Select(async (name, i) =>
        {
            await parallel.WaitAsync();
            try
            {
                await MakeAsync(Path.Combine(Root, name), 2, 200 + (40 * i));
            }
            finally
            {
                parallel.Release();
            }
        }));
    }

    public string PathOf(int index) => Path.Combine(Root, Paths[index]);

    public static async Task MakeAsync(string path, double seconds, int toneHz)
    {
        var duration = seconds.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(
            Path.ChangeExtension(path, ".srt"),
            $"1\n00:00:00,100 --> 00:00:0{Math.Min(9, (int)seconds)},000\nA tone of {toneHz} hertz.\n");
        await ProcessRunner.RunAsync(
            ProcessCommand.Of(
                "ffmpeg", "-v", "error", "-y",
                "-f", "lavfi", "-i", $"testsrc2=size=160x120:rate=25:duration={duration}",
                "-f", "lavfi", "-i", $"sine=frequency={toneHz}:duration={duration}",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", path),
            new ProcessRunOptions(),
            CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
