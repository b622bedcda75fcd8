using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Processes;

namespace Highlights.ClusterTests.Silos;

/// <summary>
/// Issue 11, findings 2-4, against a real silo: every file the worker opens for a video goes through the allowed-roots
/// guard when it opens it (sidecars included), caption content must still hash as it did at submit, and a FIFO
/// neither blocks a request nor freezes the worker. The API (no workers) takes the submissions; the files are then
/// tampered with, and only then does a worker silo start.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpenedFilesTests(PostgresServer server)
{
    private const string Secret = "TOPSECRET the outside file's words";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_worker_rechecks_every_file_it_opens_and_fails_tampered_ones_with_the_reason()
    {
        await using var api = await ApiHost.StartAsync(server);
        var secret = Path.Combine(api.Outside, "secret.srt");
        await File.WriteAllTextAsync(secret, $"1\n00:00:00,100 --> 00:00:01,500\n{Secret}\n");
        using var acme = await api.ClientForTenantAsync("acme");

        // A sidecar that is a symlink out of the root, from the start.
        var sidecar = await ClipAsync(api, "sidecar", 300);
        File.Delete(Path.ChangeExtension(sidecar, ".srt"));
        File.CreateSymbolicLink(Path.ChangeExtension(sidecar, ".srt"), secret);
        var sidecarId = await VideoPolling.SubmitAsync(acme, new { source = sidecar });

        // Caption files checked at submit, then swapped: for a symlink out, for other words, for a FIFO.
        var swapped = await ClipAsync(api, "swapped", 340);
        var swappedId = await VideoPolling.SubmitAsync(acme, new { source = swapped, captions = Path.ChangeExtension(swapped, ".srt") });
        var edited = await ClipAsync(api, "edited", 380);
        var editedId = await VideoPolling.SubmitAsync(acme, new { source = edited, captions = Path.ChangeExtension(edited, ".srt") });
        var piped = await ClipAsync(api, "piped", 420);
        var pipedId = await VideoPolling.SubmitAsync(acme, new { source = piped, captions = Path.ChangeExtension(piped, ".srt") });

        File.Delete(Path.ChangeExtension(swapped, ".srt"));
        File.CreateSymbolicLink(Path.ChangeExtension(swapped, ".srt"), secret);
        await File.WriteAllTextAsync(Path.ChangeExtension(edited, ".srt"), "1\n00:00:00,100 --> 00:00:01,500\nOther words.\n");
        File.Delete(Path.ChangeExtension(piped, ".srt"));
        await MakeFifoAsync(Path.ChangeExtension(piped, ".srt"));

        var models = Directory.CreateDirectory(Path.Combine(api.StateDirectory, "no-models")).FullName;
        await using var worker = SiloProcess.Start(
            api.Database.ConnectionString,
            Path.Combine(api.StateDirectory, "worker"),
            workers: 1,
            new Dictionary<string, string> { ["HIGHLIGHTS_ALLOWEDROOTS__0"] = api.AllowedRoot, ["HIGHLIGHTS_WHISPER__MODELSDIRECTORY"] = models });
        await worker.WaitUntilReadyAsync();
        var errors = new Dictionary<string, string>();
        foreach (var id in new[] { sidecarId, swappedId, editedId, pipedId })
        {
            var failed = await VideoPolling.UntilAsync(acme, id, v => v.GetProperty("status").GetString() is "failed" or "completed" && !v.GetProperty("queued").GetBoolean(), Patience);
            using var view = JsonDocument.Parse(failed);
            Assert.Equal("failed", view.RootElement.GetProperty("status").GetString());
            errors[id] = view.RootElement.GetProperty("error").GetProperty("message").GetString() ?? string.Empty;
            Assert.DoesNotContain("TOPSECRET", failed);
        }

        // Nor in any video's stored state (Orleans' grain storage).
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from orleansstorage where convert_from(payloadbinary, 'UTF8') like '%TOPSECRET%'"));

        Assert.Contains("sidecar sidecar.srt ignored: it is outside the allowed roots", errors[sidecarId]);
        Assert.Contains("caption file is outside the allowed roots", errors[swappedId]);
        Assert.Contains("caption file changed since the video was submitted", errors[editedId]);
        Assert.Contains("caption file is not a regular file", errors[pipedId]);
    }

    [Fact]
    public async Task A_fifo_given_as_captions_or_source_is_refused_at_once_and_health_stays_quick()
    {
        await using var api = await ApiHost.StartAsync(server);
        var clip = await ClipAsync(api, "clip", 460);
        var fifo = Path.Combine(api.AllowedRoot, "pipe.srt");
        await MakeFifoAsync(fifo);
        using var acme = await api.ClientForTenantAsync("acme");
        acme.Timeout = TimeSpan.FromSeconds(20);

        foreach (var body in new object[] { new { source = clip, captions = fifo }, new { source = fifo } })
        {
            var answer = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from videos"));
    }

    private static async Task<string> ClipAsync(ApiHost api, string name, int toneHz)
    {
        var path = Path.Combine(api.AllowedRoot, $"{name}.mp4");
        await ShortVideos.MakeAsync(path, 2, toneHz);
        return path;
    }

    private static Task MakeFifoAsync(string path) =>
        ProcessRunner.RunAsync(ProcessCommand.Of("mkfifo", path), new ProcessRunOptions(), CancellationToken.None);
}
