using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;

namespace Highlights.ClusterTests.Silos;

/// <summary>What a silo does when the database is not there, or a video's stored state is not readable.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseFaultTests(PostgresServer server)
{
    [Fact]
    public async Task A_silo_started_against_an_unreachable_database_exits_non_zero_with_one_clear_line()
    {
        var closed = Highlights.Silo.Hosting.LoopbackPort.Free();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "highlights.dll"), "silo", "--db", $"Host=127.0.0.1;Port={closed};Username=x;Timeout=2", "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HIGHLIGHTS_PROMPTS__DIRECTORY"] = SiloProcess.Prompts;
        using var silo = Process.Start(info)!;
        var stdout = silo.StandardOutput.ReadToEndAsync();
        var stderr = silo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await silo.WaitForExitAsync(timeout.Token);

        var errors = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEqual(0, silo.ExitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closed}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", await stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submit_while_the_database_is_down_is_a_503_with_nothing_written_and_works_once_it_is_back()
    {
        await using var forwarder = new TcpForwarder(server.Port);
        await using var api = await ApiHost.StartAsync(server, connectionString: c => c.Replace($"Port={server.Port}", $"Port={forwarder.Port}", StringComparison.Ordinal) + ";Timeout=2");
        using var acme = await api.ClientForTenantAsync("acme");
        var source = Path.Combine(api.AllowedRoot, "talk.mp4");
        await File.WriteAllBytesAsync(source, new byte[4096]);

        await forwarder.DownAsync();
        var refused = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        forwarder.Up();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("nothing was stored", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from videos"));
        Assert.Equal(0, await api.Database.CountAsync("select count(*) from orleansstorage"));

        // Back: within a few tries (connections cut by the outage are found broken on first use, answered 503 too).
        HttpStatusCode status = 0;
        for (var attempt = 0; attempt < 20 && status != HttpStatusCode.Created; attempt++)
        {
            status = (await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source })).StatusCode;
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"after the outage a submit got {status}");
            await Task.Delay(status == HttpStatusCode.Created ? 0 : 500);
        }

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_video_whose_stored_state_cannot_be_read_says_so_and_the_silo_serves_the_others()
    {
        await using var database = await ClusterDatabase.CreateAsync(server, migrate: false);
        string broken, fine, key;
        await using (var first = await ApiHost.StartAsync(server, database: database))
        {
            broken = await first.SubmitMadeUpAsync("acme", "b1");
            fine = await first.SubmitMadeUpAsync("acme", "f1");
            key = await first.KeyForTenantAsync("acme");
        }

        await using (var corrupt = database.Db.CreateCommand(
            "update orleansstorage set payloadbinary = convert_to('{\"video_id\": [1, 2', 'UTF8') where convert_from(payloadbinary, 'UTF8') like @id"))
        {
            corrupt.Parameters.AddWithValue("id", $"%{broken}%");
            Assert.Equal(1, await corrupt.ExecuteNonQueryAsync());
        }

        await using var second = await ApiHost.StartAsync(server, database: database);
        using var acme = second.Client(key);
        var unreadable = await acme.GetAsync(new Uri($"/v1/videos/{broken}", UriKind.Relative));
        var detail = (await unreadable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        var other = await acme.GetAsync(new Uri($"/v1/videos/{fine}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, unreadable.StatusCode);
        Assert.Contains($"video {broken}: its stored state cannot be read", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
