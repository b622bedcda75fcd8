using System.Globalization;
using Highlights.Client;
using Highlights.Client.Contracts;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Llm.Budget;
using Highlights.Silo.Keys;

namespace Highlights.ClusterTests.Silos;

/// <summary>
/// A real silo process runs a captioned clip through the LLM (the scripted OpenAI-compatible server), a real Prometheus
/// scrapes it, and what Prometheus holds is what the cost ledger holds.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PrometheusScrapeTests(PostgresServer server) : IDisposable
{
    private const string Model = "gpt-4.1-mini";
    private static readonly (int Input, int Output) Usage = (1200, 150);

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-scrape-");

    [Fact]
    public async Task Prometheus_scrapes_a_silo_that_ran_an_llm_video_and_its_cost_series_is_the_ledgers_spend()
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        var media = temp.CreateSubdirectory("media").FullName;
        var clip = Path.Combine(media, "talk.mp4");
        await ShortVideos.MakeAsync(clip, 6, 330);
        await File.WriteAllTextAsync(Path.Combine(media, "talk.srt"), Captions);
        await using var llm = await ScriptedLlmServer.StartAsync(r => new ScriptedReply.Answer(ScriptedPicks.For(r), Usage));
        var key = await new ApiKeyStore(database.Db, TimeProvider.System).CreateAsync("acme", CancellationToken.None);
        await using var silo = SiloProcess.Start(
            database.ConnectionString,
            Path.Combine(temp.FullName, "state"),
            workers: 1,
            new Dictionary<string, string>
            {
                ["HIGHLIGHTS_ALLOWEDROOTS__0"] = media,
                ["HIGHLIGHTS_LLM__BASEURL"] = llm.BaseUrl,
                ["HIGHLIGHTS_METRICS__STATECOUNTSREFRESH"] = "00:00:01",
            });
        await silo.WaitUntilReadyAsync();
        using var http = new HttpClient { BaseAddress = silo.Address };

        // Fresh, before any video: valid, and alert rules already have their series at zero.
        var fresh = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var freshCheck = await Promtool.RunAsync(fresh, "check", "metrics");
        Assert.True(freshCheck.ExitCode == 0, $"{freshCheck.Output}\n{fresh}");
        var samples = Exposition.Parse(fresh);
        Assert.Equal(0, Assert.Single(samples.Matching("highlights_llm_cost_usd_total", ("tenant", "acme"), ("provider", "openai"), ("model", Model))).Value);
        Assert.Equal(0, Assert.Single(samples.Matching("highlights_stage_failures_total", ("stage", "render"), ("kind", "error"))).Value);
        Assert.Equal(0, Assert.Single(samples.Matching("highlights_budget_stops_total", ("scope", "deployment"))).Value);
        Assert.Equal(0, Assert.Single(samples.Matching("highlights_processing_ratio_count")).Value);

        await using var prometheus = await PrometheusServer.StartAsync(silo.Address);
        var client = HighlightsClient.Create(silo.Address, key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var submitted = await client.SubmitAsync(new SubmitVideoRequest { Source = clip, TargetDuration = 3, Llm = "openai", LlmModel = Model }, timeout.Token);
        var video = await client.WaitAsync(submitted.Id, TimeSpan.FromMilliseconds(200), null, timeout.Token);

        Assert.True(video.Status == "completed", $"{video.Status}: {video.Error?.Message}\n{silo.Output}");
        Assert.NotEmpty(llm.Requests);
        var ledgerUsd = await SpentAsync(database, "acme");
        var perCall = PriceTableFile.Load(Path.Combine(SiloProcess.Prompts, PriceTable.FileName)).For(Model).Cost(Usage.Input, Usage.Output);
        Assert.Equal(llm.Requests.Count * perCall, ledgerUsd);
        Assert.Equal(ledgerUsd, video.Costs.Usd);
        Assert.Equal(ledgerUsd, (await client.GetCostsAsync(null, null, "tenant", timeout.Token)).Total.Usd);

        // A live scrape, without a key, is valid exposition format.
        var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative), timeout.Token);
        var text = await scrape.Content.ReadAsStringAsync(timeout.Token);
        var check = await Promtool.RunAsync(text, "check", "metrics");
        Assert.True(check.ExitCode == 0, $"{check.Output}\n{text}");
        Assert.Contains("highlights_processing_ratio_count 1\n", text, StringComparison.Ordinal);
        Assert.Contains("highlights_videos{state=\"completed\"} ", text, StringComparison.Ordinal);

        // Orleans' own meters beside ours: the video's grain was activated on this silo.
        var activations = Exposition.Parse(text).Matching("microsoft_orleans_orleans_catalog_activation_created", ("grain_type", "video")).ToList();
        Assert.True(activations.Sum(s => s.Value) >= 1, $"no Orleans activation series for the video grain on /metrics:\n{text}");

        // Prometheus holds the counter with the ledger's value, labelled with the tenant, provider and model.
        var series = $"highlights_llm_cost_usd_total{{job=\"{PrometheusServer.Job}\",tenant=\"acme\",provider=\"openai\",model=\"{Model}\"}}";
        var scraped = await prometheus.WaitForAsync(series, v => Math.Abs(v - (double)ledgerUsd) < 1e-9, TimeSpan.FromSeconds(30));
        Assert.Equal((double)ledgerUsd, scraped, 9);
        // The state counts are read from the database at most once a second here, so they catch up within that.
        Assert.Equal(1, await prometheus.WaitForAsync("max(highlights_videos{state=\"completed\"})", v => v == 1, TimeSpan.FromSeconds(10)));
    }

    public void Dispose() => temp.Delete(recursive: true);

    private static async Task<decimal> SpentAsync(ClusterDatabase database, string tenant)
    {
        await using var command = database.Db.CreateCommand("select coalesce(sum(usd), 0) from cost_ledger where tenant = @tenant and settled");
        command.Parameters.AddWithValue("tenant", tenant);
        return (decimal)(await command.ExecuteScalarAsync())!;
    }

    private const string Captions =
        """
        1
        00:00:00,200 --> 00:00:01,800
        Welcome back to the show, this is where it starts.

        2
        00:00:02,000 --> 00:00:03,800
        That was the moment everything changed, absolutely incredible.

        3
        00:00:04,000 --> 00:00:05,800
        Thanks for watching, and see you next time.

        """;
}
