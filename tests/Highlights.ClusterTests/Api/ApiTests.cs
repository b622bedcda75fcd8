using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Silo.Costs;

namespace Highlights.ClusterTests.Api;

[Collection(PostgresCollection.Name)]
public sealed class ApiTests(PostgresServer server, ShortVideos clips) : IClassFixture<ShortVideos>
{
    [Fact]
    public async Task Requests_without_a_valid_key_get_401_problem_details_while_health_is_open()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var anonymous = api.Client();
        using var forged = api.Client("hlk_not-a-real-key");

        var missing = await anonymous.GetAsync(new Uri("/v1/videos/abc", UriKind.Relative));
        var wrong = await forged.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source = "/x.mp4" });

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Contains("/v1/videos", await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_is_idempotent_and_another_tenants_id_answers_404()
    {
        await using var api = await ApiHost.StartAsync(server);
        var source = CopyInto(api.AllowedRoot, clips.PathOf(0));
        using var acme = await api.ClientForTenantAsync("acme");
        using var rival = await api.ClientForTenantAsync("rival");

        var first = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source, targetDuration = 1.5 });
        var again = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source, targetDuration = 1.5 });
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(new Uri($"/v1/videos/{id}", UriKind.Relative))).StatusCode);
        foreach (var path in new[] { $"/v1/videos/{id}", $"/v1/videos/{id}/edl", $"/v1/videos/{id}/render" })
        {
            var answer = await rival.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await rival.PostAsync(new Uri($"/v1/videos/{id}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal(1, await api.Database.CountAsync("select count(*) from videos"));
    }

    [Fact]
    public async Task Paths_that_escape_the_allowed_root_by_dots_or_symlinks_are_rejected()
    {
        await using var api = await ApiHost.StartAsync(server);
        var secret = CopyInto(api.Outside, clips.PathOf(1));
        var linkToFile = Path.Combine(api.AllowedRoot, "innocent.mp4");
        File.CreateSymbolicLink(linkToFile, secret);
        var linkToDirectory = Path.Combine(api.AllowedRoot, "shared");
        Directory.CreateSymbolicLink(linkToDirectory, api.Outside);
        using var acme = await api.ClientForTenantAsync("acme");

        string[] escapes =
        [
            Path.Combine(api.AllowedRoot, "..", "private", Path.GetFileName(secret)),
            linkToFile,
            Path.Combine(linkToDirectory, Path.GetFileName(secret)),
            "media/clip.mp4",
            secret,
        ];
        foreach (var source in escapes)
        {
            var answer = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source });
            Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{source}: {answer.StatusCode}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        var captionsEscape = await acme.PostAsJsonAsync(
            new Uri("/v1/videos", UriKind.Relative), new { source = CopyInto(api.AllowedRoot, clips.PathOf(2)), captions = "/etc/passwd" });
        Assert.Equal(HttpStatusCode.BadRequest, captionsEscape.StatusCode);
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from videos"));
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_with_nothing_stored_and_a_small_one_is_queued_once()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");

        var tooBig = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(new byte[ApiHost.MaxUploadBytes + 1]));

        Assert.True(tooBig.StatusCode == HttpStatusCode.RequestEntityTooLarge, await tooBig.Content.ReadAsStringAsync());
        Assert.Empty(Directory.Exists(api.UploadDirectory) ? Directory.GetFileSystemEntries(api.UploadDirectory) : []);
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from videos"));

        var clip = await File.ReadAllBytesAsync(clips.PathOf(3));
        var accepted = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(clip));
        var repeated = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), Upload(clip));

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Single(Directory.GetFiles(api.UploadDirectory));
        Assert.Equal(clip.Length, new FileInfo(Directory.GetFiles(api.UploadDirectory).Single()).Length);
    }

    [Fact]
    public async Task A_queued_video_can_be_cancelled_and_retried()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        var submitted = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source = CopyInto(api.AllowedRoot, clips.PathOf(4)) });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var cancelled = await (await acme.PostAsync(new Uri($"/v1/videos/{id}/cancel", UriKind.Relative), null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.False(cancelled.GetProperty("queued").GetBoolean());
        Assert.Equal("cancelled", cancelled.GetProperty("error").GetProperty("kind").GetString());

        var retried = await acme.PostAsync(new Uri($"/v1/videos/{id}/retry", UriKind.Relative), null);
        var view = await retried.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("pending", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("queued").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("error").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await acme.GetAsync(new Uri($"/v1/videos/{id}/edl", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Costs_are_summed_per_tenant_by_model_as_json_or_csv()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        var ledger = api.Service<CostLedger>();
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        await ledger.RecordAsync(new CostEntry(null, "acme", "openai", "gpt-4o-mini", 1000, 200, 0.0012m, at), CancellationToken.None);
        await ledger.RecordAsync(new CostEntry(null, "acme", "openai", "gpt-4o-mini", 500, 100, 0.0006m, at.AddHours(1)), CancellationToken.None);
        await ledger.RecordAsync(new CostEntry(null, "rival", "openai", "gpt-4o-mini", 9000, 900, 9m, at), CancellationToken.None);

        var json = await acme.GetFromJsonAsync<JsonElement>(new Uri("/v1/costs?from=2026-11-01&to=2026-11-03&group=model", UriKind.Relative));
        var line = json.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal("openai/gpt-4o-mini", line.GetProperty("key").GetString());
        Assert.Equal(1500, line.GetProperty("inputTokens").GetInt64());
        Assert.Equal(0.0018m, line.GetProperty("usd").GetDecimal());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/costs?from=2026-11-01&to=2026-11-03&group=day", UriKind.Relative));
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await acme.SendAsync(csvRequest)).Content.ReadAsStringAsync();
        Assert.Equal("day,entries,input_tokens,output_tokens,usd\r\n2026-11-02,2,1500,300,0.001800\r\n", csv);

        Assert.Equal(HttpStatusCode.BadRequest, (await acme.GetAsync(new Uri("/v1/costs?group=planet", UriKind.Relative))).StatusCode);
    }

    private static string CopyInto(string directory, string file)
    {
        var target = Path.Combine(directory, Path.GetFileName(file));
        File.Copy(file, target, overwrite: true);
        return target;
    }

    private static MultipartFormDataContent Upload(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return new MultipartFormDataContent { { new StringContent("1.5"), "targetDuration" }, { file, "file", "clip.mp4" } };
    }
}
