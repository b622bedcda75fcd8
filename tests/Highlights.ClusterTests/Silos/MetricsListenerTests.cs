using System.Net;
using System.Net.Sockets;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Silos;

/// <summary><c>Metrics:Urls</c> moves <c>/metrics</c> to its own listener, off the API port.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MetricsListenerTests(PostgresServer server) : IDisposable
{
    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-metrics-");

    [Fact]
    public async Task With_metrics_urls_set_metrics_answer_only_there_and_the_api_only_on_its_own_port()
    {
        await using var database = await ClusterDatabase.CreateAsync(server);
        var metrics = new Uri($"http://127.0.0.1:{Highlights.Silo.Hosting.LoopbackPort.Free()}");
        await using var silo = SiloProcess.Start(
            database.ConnectionString, Path.Combine(temp.FullName, "state"), workers: 0,
            new Dictionary<string, string> { ["HIGHLIGHTS_METRICS__URLS"] = metrics.ToString() });
        await silo.WaitUntilReadyAsync();
        using var http = new HttpClient();

        var scrape = await http.GetAsync(new Uri(metrics, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("process_cpu_seconds_total", await scrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(silo.Address, "/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(metrics, "/v1/videos/abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(metrics, "/readyz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(silo.Address, "/healthz"))).StatusCode);
    }

    public void Dispose() => temp.Delete(recursive: true);
}
