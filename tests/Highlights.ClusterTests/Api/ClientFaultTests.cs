using System.Net;
using System.Net.Http.Json;
using System.Text;
using Highlights.ClusterTests.Fixtures;
using Npgsql;

namespace Highlights.ClusterTests.Api;

/// <summary>Requests that are the client's fault get a 4xx problem answer, and none is logged as an unhandled error.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClientFaultTests(PostgresServer server)
{
    private const string Boundary = "b0undary";

    public static TheoryData<string, string, int> BadBodies => new()
    {
        // Cut off inside the file part: no closing boundary ever comes.
        { $"multipart/form-data; boundary={Boundary}", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\nsome bytes", 400 },
        // A part header past the reader's 16 KB limit.
        { $"multipart/form-data; boundary={Boundary}", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('a', 20_000)}\"\r\n\r\nx\r\n--{Boundary}--\r\n", 400 },
        // The body's boundary is not the one the header announced.
        { "multipart/form-data; boundary=announced", $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\nx\r\n--{Boundary}--\r\n", 400 },
        // JSON far past any sensible submission.
        { "application/json", $"{{\"source\": \"/{new string('a', 2 << 20)}\"}}", 413 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_malformed_or_oversized_body_gets_a_4xx_problem_and_no_error_log(string contentType, string body, int status)
    {
        await using var api = await ApiHost.StartAsync(server);
        await using var raw = await RawHttp.ConnectAsync(api.Address);
        var bytes = Encoding.UTF8.GetBytes(body);

        await raw.SendHeadAsync("POST", "/v1/videos", await api.KeyForTenantAsync("acme"), contentType, bytes.Length);
        await raw.WriteAsync(bytes);
        var answer = await raw.ReadResponseAsync(TimeSpan.FromSeconds(30));

        Assert.True(answer.Status == status, answer.Text);
        Assert.Contains("application/problem+json", answer.Text, StringComparison.Ordinal);
        Assert.True(api.Logs.Errors.Count == 0, string.Join("\n", api.Logs.Errors));
    }

    [Fact]
    public async Task An_upload_that_stalls_gets_408_when_its_idle_timeout_passes_on_the_silos_clock()
    {
        var clock = new ManualTimeProvider();
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Api:BodyIdleTimeout"] = "00:00:30" }, clock);
        await using var raw = await RawHttp.ConnectAsync(api.Address);
        var key = await api.KeyForTenantAsync("acme");
        var head = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n\r\nthe first bytes");

        await raw.SendHeadAsync("POST", "/v1/videos", key, $"multipart/form-data; boundary={Boundary}", 100_000);
        await raw.WriteAsync(head);
        // The silo waits for the rest under a timeout on its clock: moving the clock, not real time, ends the wait.
        var reading = raw.ReadResponseAsync(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 300 && !reading.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(reading, Task.Delay(100));
        }

        var answer = await reading;
        Assert.True(answer.Status == 408, answer.Text);
        Assert.Empty(Directory.Exists(api.UploadDirectory) ? Directory.GetFiles(api.UploadDirectory) : []);
        Assert.True(api.Logs.Errors.Count == 0, string.Join("\n", api.Logs.Errors));
    }

    [Theory]
    [InlineData("to=0001-01-15")]
    [InlineData("from=9999-12-31T23:59:59Z")]
    public async Task A_cost_query_at_the_edge_of_the_calendar_gets_400(string query)
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");

        var answer = await acme.GetAsync(new Uri($"/v1/costs?{query}", UriKind.Relative));

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, await answer.Content.ReadAsStringAsync());
        Assert.True(api.Logs.Errors.Count == 0, string.Join("\n", api.Logs.Errors));
    }

    [Fact]
    public async Task Submits_beyond_the_database_pool_wait_briefly_then_get_503_with_retry_after_and_the_pool_stays_bounded()
    {
        await using var api = await ApiHost.StartAsync(server, connectionString: c => c + ";Maximum Pool Size=4;Timeout=1");
        var key = await api.KeyForTenantAsync("acme");
        var source = Path.Combine(api.AllowedRoot, "clip.mp4");
        await File.WriteAllBytesAsync(source, new byte[4096]);
        using var http = api.Client(key);

        // Every submit that gets a connection waits on this lock, holding it, so the rest find the pool empty.
        await using var blocker = await api.Database.Db.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockVideos = new NpgsqlCommand("lock table videos in access exclusive mode", blocker, transaction))
        {
            await lockVideos.ExecuteNonQueryAsync();
        }

        var submits = Enumerable.Range(0, 200)
            .Select(i => http.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source, targetDuration = 1 + (i % 50) }))
            .ToList();
        var refused = await Task.WhenAny(submits);
        await transaction.CommitAsync();
        var answers = await Task.WhenAll(submits);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await refused).StatusCode);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable), a => Assert.NotNull(a.Headers.RetryAfter));
        Assert.True(api.Logs.Errors.Count == 0, string.Join("\n", api.Logs.Errors));
    }

    [Fact]
    public async Task The_database_pool_is_bounded_by_default()
    {
        await using var api = await ApiHost.StartAsync(server);

        var pool = new NpgsqlConnectionStringBuilder(api.Service<NpgsqlDataSource>().ConnectionString);

        Assert.InRange(pool.MaxPoolSize, 1, 32);
        Assert.InRange(pool.Timeout, 1, 15);
    }
}
