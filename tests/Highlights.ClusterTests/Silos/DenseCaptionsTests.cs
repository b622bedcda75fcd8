using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Silos;

/// <summary>
/// Issue 11, finding 1: a caption file within the parser's limits (just under 100k dense, overlapping cues, about
/// 12 MB) used to make the select stage grow by about 150 MB/s until the host died. Against a real silo: its resident
/// memory stays under <see cref="RssBound"/> for the whole run, and the video ends within <see cref="Patience"/>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DenseCaptionsTests(PostgresServer server) : IDisposable
{
    private const long RssBound = 1024L * 1024 * 1024;
    private const int CueCount = 99_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("highlights-dense-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task A_silo_given_a_hundred_thousand_overlapping_cues_stays_bounded_and_ends_the_video()
    {
        var run = await RunAsync(new Dictionary<string, string>());

        Assert.True(run.Status == "completed", $"the video {run.Status}: {run.Error}\n{run.Output}");
        Console.WriteLine($"dense captions: {CueCount} cues, video completed in {run.Elapsed.TotalSeconds:F1} s, silo peak RSS {run.PeakBytes / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task A_stage_over_the_memory_budget_fails_the_video_with_the_reason_and_the_silo_lives_on()
    {
        var run = await RunAsync(new Dictionary<string, string> { ["HIGHLIGHTS_STAGES__MAXMEMORYMEGABYTES"] = "300" });

        Assert.True(run.Status == "failed", $"the video {run.Status}\n{run.Output}");
        Assert.Contains("Stages:MaxMemoryMegabytes", run.Error);
        Assert.True(run.SiloAlive, $"the silo stopped answering:\n{run.Output}");
        Console.WriteLine($"dense captions, 300 MB budget: video failed in {run.Elapsed.TotalSeconds:F1} s ({run.Error}), silo peak RSS {run.PeakBytes / (1024 * 1024)} MB");
    }

    private async Task<Run> RunAsync(IReadOnlyDictionary<string, string> environment)
    {
        var clip = Path.Combine(folder.FullName, "dense.mp4");
        await ShortVideos.MakeAsync(clip, 20, 440);
        var srt = Path.ChangeExtension(clip, ".srt");
        await File.WriteAllTextAsync(srt, DenseSrt());
        Assert.InRange(new FileInfo(srt).Length, 10_000_000, 20L * 1024 * 1024);

        await using var database = await ClusterDatabase.CreateAsync(server);
        await using var silo = SiloProcess.Start(database.ConnectionString, Path.Combine(folder.FullName, "state"), workers: 1, environment);
        await silo.WaitUntilReadyAsync();
        using var acme = silo.Client(await database.KeyForTenantAsync("acme"));
        var id = await VideoPolling.SubmitAsync(acme, new { source = clip, targetDuration = 10 });
        string? error = null;

        var clock = Stopwatch.StartNew();
        long peak = 0;
        string status;
        while (true)
        {
            peak = Math.Max(peak, ResidentBytes(silo.ProcessId));
            if (peak > RssBound)
            {
                // Stop it before it takes the machine with it.
                await silo.KillAsync();
                Assert.Fail($"the silo grew to {peak / (1024 * 1024)} MB after {clock.Elapsed}");
            }

            using (var view = JsonDocument.Parse(await acme.GetStringAsync(new Uri($"/v1/videos/{id}", UriKind.Relative))))
            {
                status = view.RootElement.GetProperty("queued").GetBoolean() ? "queued" : view.RootElement.GetProperty("status").GetString()!;
                if (status is "completed" or "failed")
                {
                    error = view.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("message").GetString() : null;
                    break;
                }
            }

            Assert.True(clock.Elapsed < Patience, $"video still {status} after {Patience}:\n{silo.Output}");
            await Task.Delay(100);
        }

        var elapsed = clock.Elapsed;
        peak = Math.Max(peak, PeakResidentBytes(silo.ProcessId));
        Assert.True(peak < RssBound, $"peak resident memory {peak / (1024 * 1024)} MB");
        using var http = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(10) };
        var alive = (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode;
        return new Run(status, error ?? string.Empty, elapsed, peak, alive, silo.Output);
    }

    private sealed record Run(string Status, string Error, TimeSpan Elapsed, long PeakBytes, bool SiloAlive, string Output);

    /// <summary>Cues a hundredth of a second apart, each 19 s long: every cue overlaps every other one.</summary>
    private static string DenseSrt()
    {
        var srt = new StringBuilder();
        for (var i = 0; i < CueCount; i++)
        {
            var start = TimeSpan.FromMilliseconds(i % 1000);
            var end = start + TimeSpan.FromSeconds(19);
            srt.Append(CultureInfo.InvariantCulture, $"{i + 1}\n{start:hh\\:mm\\:ss\\,fff} --> {end:hh\\:mm\\:ss\\,fff}\nan important secret about the amazing thing number {i}, said twice over\n\n");
        }

        return srt.ToString();
    }

    private static long ResidentBytes(int pid) => StatusKilobytes(pid, "VmRSS:") * 1024;

    /// <summary>The kernel's high-water mark, so a peak between two polls is not missed.</summary>
    private static long PeakResidentBytes(int pid) => StatusKilobytes(pid, "VmHWM:") * 1024;

    private static long StatusKilobytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
