using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Api;

/// <summary>What one tenant can leave on a silo: a bounded queue, and uploads and work folders swept after retention.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TenantBoundsTests(PostgresServer server)
{
    [Fact]
    public async Task A_tenant_past_its_waiting_cap_gets_429_while_resubmits_and_other_tenants_go_through()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Api:MaxWaitingPerTenant"] = "2" });
        using var acme = await api.ClientForTenantAsync("acme");
        using var rival = await api.ClientForTenantAsync("rival");

        var first = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(1));
        Assert.Equal(HttpStatusCode.Created, (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(2))).StatusCode);
        var third = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(3));

        Assert.True(third.StatusCode == HttpStatusCode.TooManyRequests, await third.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Api:MaxWaitingPerTenant", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await rival.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(3))).StatusCode);
        Assert.Equal(2, await api.Database.CountAsync("select count(*) from videos where tenant = 'acme'"));

        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await acme.PostAsync(new Uri($"/v1/videos/{id}/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(3))).StatusCode);
    }

    [Fact]
    public async Task Half_written_upload_files_left_by_a_dead_silo_are_removed_at_start()
    {
        string abandoned = null!, live = null!;
        await using var api = await ApiHost.StartAsync(server, prepare: state =>
        {
            var uploads = Directory.CreateDirectory(Path.Combine(state, "uploads")).FullName;
            abandoned = Path.Combine(uploads, $".upload.{Guid.NewGuid():N}.tmp");
            live = Path.Combine(uploads, $".upload.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(abandoned, new byte[1000]);
            File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - TimeSpan.FromHours(1));
            File.WriteAllBytes(live, new byte[1000]);
        });

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(live), "a temp file written just now may be another silo's upload in progress");
    }

    [Fact]
    public async Task Uploads_and_work_folders_of_videos_finished_longer_than_the_retention_ago_are_swept_on_the_silos_clock()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var api = await ApiHost.StartAsync(
            server, new Dictionary<string, string?> { ["Retention:Period"] = "1.00:00:00", ["Retention:SweepInterval"] = "01:00:00" }, clock);
        using var acme = await api.ClientForTenantAsync("acme");
        var finished = await (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(1))).Content.ReadFromJsonAsync<JsonElement>();
        var waiting = await (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(2))).Content.ReadFromJsonAsync<JsonElement>();
        var finishedId = finished.GetProperty("id").GetString()!;
        await acme.PostAsync(new Uri($"/v1/videos/{finishedId}/cancel", UriKind.Relative), null);
        var finishedWork = Directory.CreateDirectory(Path.Combine(api.StateDirectory, finishedId)).FullName;
        await File.WriteAllBytesAsync(Path.Combine(finishedWork, "audio.wav"), new byte[100]);
        var waitingWork = Directory.CreateDirectory(Path.Combine(api.StateDirectory, waiting.GetProperty("id").GetString()!)).FullName;
        var orphan = Path.Combine(api.UploadDirectory, new string('0', 64) + ".video");
        await File.WriteAllBytesAsync(orphan, new byte[100]);
        var finishedUpload = UploadOf(api, finished);
        var waitingUpload = UploadOf(api, waiting);

        clock.Advance(TimeSpan.FromHours(23));
        Assert.True(File.Exists(finishedUpload) && Directory.Exists(finishedWork), "swept before its retention was over");
        clock.Advance(TimeSpan.FromHours(2));
        for (var i = 0; i < 100 && (File.Exists(finishedUpload) || Directory.Exists(finishedWork) || File.Exists(orphan)); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(File.Exists(finishedUpload));
        Assert.False(Directory.Exists(finishedWork));
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(waitingUpload));
        Assert.True(Directory.Exists(waitingWork));
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(new Uri($"/v1/videos/{finishedId}", UriKind.Relative))).StatusCode);
    }

    private static string UploadOf(ApiHost api, JsonElement view) =>
        Path.Combine(api.UploadDirectory, view.GetProperty("source").GetProperty("sha256").GetString() + ".video");

    private static MultipartFormDataContent Upload(byte seed)
    {
        var bytes = new byte[1000];
        Array.Fill(bytes, seed);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return new MultipartFormDataContent { { file, "file", "clip.mp4" } };
    }
}
