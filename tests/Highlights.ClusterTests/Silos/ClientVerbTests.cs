using System.Text.Json;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Silos;

/// <summary>The client verbs against a real silo process, from key creation to the downloaded reel.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientVerbTests(PostgresServer server, ShortVideos clips) : IClassFixture<ShortVideos>, IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-verbs-");

    [Fact]
    public async Task A_video_submitted_with_the_client_verbs_can_be_waited_for_and_its_results_fetched()
    {
        await using var database = await ClusterDatabase.CreateAsync(server, migrate: false);
        var migrated = await CliRun.RunAsync("db", "migrate", "--db", database.ConnectionString);
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        var created = await CliRun.RunAsync("keys", "create", "--tenant", "acme", "--db", database.ConnectionString);
        Assert.True(created.ExitCode == 0, created.Error);
        var key = created.Output.Trim();
        Assert.Equal(1, await database.CountAsync("select count(*) from api_keys where key_sha256 = sha256(convert_to(@key, 'UTF8'))", ("key", key)));
        Assert.Equal(0, await database.CountAsync("select count(*) from api_keys where prefix = @key", ("key", key)));

        await using var silo = SiloProcess.Start(
            database.ConnectionString, Path.Combine(temp.FullName, "state"), workers: 1,
            new Dictionary<string, string> { ["HIGHLIGHTS_ALLOWEDROOTS__0"] = clips.Root });
        await silo.WaitUntilReadyAsync();
        string[] remote = ["--server", silo.Address.ToString(), "--key", key];

        var submitted = await CliRun.RunAsync(["submit", clips.PathOf(5), "--target", "1.5", .. remote]);
        Assert.True(submitted.ExitCode == 0, submitted.Error);
        var id = submitted.Output.Trim();
        var waited = await CliRun.RunAsync(["wait", id, "--poll", "0.2", .. remote]);
        Assert.True(waited.ExitCode == 0, $"{waited.Output}\n{waited.Error}\n{silo.Output}");
        Assert.Equal("completed", waited.Output.Trim());

        var edlPath = Path.Combine(temp.FullName, "edl.json");
        var reelPath = Path.Combine(temp.FullName, "reel.mp4");
        Assert.Equal(0, (await CliRun.RunAsync(["edl", id, "--out", edlPath, .. remote])).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(["download", id, "--out", reelPath, .. remote])).ExitCode);
        using (var edl = JsonDocument.Parse(await File.ReadAllTextAsync(edlPath)))
        {
            Assert.Equal(1, edl.RootElement.GetProperty("version").GetInt32());
            Assert.NotEqual(0, edl.RootElement.GetProperty("segments").GetArrayLength());
        }

        Assert.True(new FileInfo(reelPath).Length > 1000);
        await AssertExportsAsync(silo.Address, key, id);
        var status = await CliRun.RunAsync(["status", id, "--json", .. remote]);
        Assert.Equal("completed", JsonDocument.Parse(status.Output).RootElement.GetProperty("status").GetString());
        var costs = await CliRun.RunAsync(["costs", "--csv", "--group", "model", .. remote]);
        Assert.StartsWith("model,entries,input_tokens,output_tokens,usd", costs.Output, StringComparison.Ordinal);

        var refused = await CliRun.RunAsync(["cancel", id, .. remote]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("nothing to cancel", refused.Error, StringComparison.Ordinal);
        var unauthorised = await CliRun.RunAsync("status", id, "--server", silo.Address.ToString(), "--key", "hlk_wrong");
        Assert.Equal(1, unauthorised.ExitCode);
        Assert.Contains("API key required", unauthorised.Error, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Delete(recursive: true);

    /// <summary>GET /v1/videos/{id}/export in every format; an unknown format is a 400 problem.</summary>
    private static async Task AssertExportsAsync(Uri server, string key, string id)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        async Task<(System.Net.HttpStatusCode Status, string? Type, string Body)> GetAsync(string format)
        {
            using var answer = await http.GetAsync(new Uri($"/v1/videos/{id}/export?format={format}", UriKind.Relative));
            return (answer.StatusCode, answer.Content.Headers.ContentType?.MediaType, await answer.Content.ReadAsStringAsync());
        }

        var otio = await GetAsync("otio");
        Assert.Equal((System.Net.HttpStatusCode.OK, "application/json"), (otio.Status, otio.Type));
        Assert.Equal("Timeline.1", JsonDocument.Parse(otio.Body).RootElement.GetProperty("OTIO_SCHEMA").GetString());
        Assert.Contains("<fcpxml version=\"1.10\">", (await GetAsync("fcpxml")).Body, StringComparison.Ordinal);
        Assert.StartsWith("TITLE: Highlights " + id, (await GetAsync("cmx3600")).Body, StringComparison.Ordinal);
        Assert.StartsWith("1\n", (await GetAsync("srt")).Body, StringComparison.Ordinal);
        var bad = await GetAsync("avid");
        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "application/problem+json"), (bad.Status, bad.Type));
    }
}
