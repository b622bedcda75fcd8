using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Actor;
using Highlights.Grains.Llm.Budget;
using Highlights.Grains.State;
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
    public async Task Costs_are_summed_per_tenant_by_model_tenant_or_day_as_json_or_csv()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        var ledger = new PostgresCostLedger(api.Database.Db, clock);
        var acmeVideo = await api.SubmitMadeUpAsync("acme", "a1");
        var rivalVideo = await api.SubmitMadeUpAsync("rival", "b1");
        await PayAsync(ledger, new LedgerCharge(acmeVideo, "acme", "openai", "gpt-4o-mini", 0.01m), new LedgerSettlement(0.0012m, 1000, 200));
        await PayAsync(ledger, new LedgerCharge(rivalVideo, "rival", "openai", "gpt-4o-mini", 9m), new LedgerSettlement(9m, 9000, 900));
        clock.Advance(TimeSpan.FromHours(1));
        await PayAsync(ledger, new LedgerCharge(acmeVideo, "acme", "openai", "gpt-4o-mini", 0.01m), new LedgerSettlement(0.0006m, 500, 100));

        var json = await acme.GetFromJsonAsync<JsonElement>(new Uri("/v1/costs?from=2026-11-01&to=2026-11-03&group=model", UriKind.Relative));
        var line = json.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal("openai/gpt-4o-mini", line.GetProperty("key").GetString());
        Assert.Equal(1500, line.GetProperty("inputTokens").GetInt64());
        Assert.Equal(0.0018m, line.GetProperty("usd").GetDecimal());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/costs?from=2026-11-01&to=2026-11-03&group=day", UriKind.Relative));
        csvRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await (await acme.SendAsync(csvRequest)).Content.ReadAsStringAsync();
        Assert.Equal("day,entries,input_tokens,output_tokens,usd\r\n2026-11-02,2,1500,300,0.001800\r\n", csv);

        var byTenant = await acme.GetFromJsonAsync<JsonElement>(new Uri("/v1/costs?from=2026-11-01&to=2026-11-03&group=tenant", UriKind.Relative));
        var own = byTenant.GetProperty("lines").EnumerateArray().Single();
        Assert.Equal(("acme", 0.0018m), (own.GetProperty("key").GetString(), own.GetProperty("usd").GetDecimal()));

        var video = await acme.GetFromJsonAsync<JsonElement>(new Uri($"/v1/videos/{acmeVideo}", UriKind.Relative));
        Assert.Equal(0.0018m, video.GetProperty("costs").GetProperty("usd").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await acme.GetAsync(new Uri("/v1/costs?group=planet", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_without_a_key_in_the_prometheus_text_format_with_the_queue_gauges()
    {
        await using var api = await ApiHost.StartAsync(server);
        await api.SubmitMadeUpAsync("acme", "m1");
        await api.SubmitMadeUpAsync("acme", "m2");
        using var anonymous = api.Client();

        var response = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        Assert.Contains("highlights_videos{state=\"pending\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("highlights_videos{state=\"budget_exceeded\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("highlights_queue_depth 2\n", text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total ", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_collection_count_total", text, StringComparison.Ordinal);
    }

    private static async Task PayAsync(PostgresCostLedger ledger, LedgerCharge charge, LedgerSettlement settlement)
    {
        var reservation = await ledger.TryReserveAsync(charge, 100m, CancellationToken.None);
        await ledger.SettleAsync(reservation, settlement, CancellationToken.None);
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
