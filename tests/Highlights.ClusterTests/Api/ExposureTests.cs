using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.State;
using Highlights.Silo.Cluster;
using Npgsql;

namespace Highlights.ClusterTests.Api;

/// <summary>What the API shows a tenant: paths relative to their root, field names rather than .NET types, short echoes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExposureTests(PostgresServer server)
{
    [Fact]
    public async Task A_view_shows_paths_relative_to_their_allowed_root_and_errors_without_the_servers_folders()
    {
        // One worker: the probe fails the video for real, with the server's path in the reason.
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        using var acme = await api.ClientForTenantAsync("acme");
        var talks = Directory.CreateDirectory(Path.Combine(api.AllowedRoot, "talks")).FullName;
        var source = Path.Combine(talks, "keynote.mp4");
        await File.WriteAllBytesAsync(source, new byte[2048]);
        await File.WriteAllTextAsync(Path.Combine(talks, "keynote.srt"), "1\n00:00:00,000 --> 00:00:01,000\nhello\n");

        var submitted = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source, captions = Path.Combine(talks, "keynote.srt") });
        var view = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetString()!;
        var failed = await VideoPolling.UntilAsync(acme, id, v => v.GetProperty("status").GetString() == "failed", TimeSpan.FromMinutes(1));
        var upload = await (await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), UploadOf(new byte[512]))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("talks/keynote.mp4", view.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal("talks/keynote.srt", view.GetProperty("options").GetProperty("captions").GetString());
        Assert.DoesNotContain(api.StateDirectory, failed, StringComparison.Ordinal);
        Assert.DoesNotContain(api.AllowedRoot, failed, StringComparison.Ordinal);
        Assert.Contains("talks/keynote.mp4: not a readable media file", failed, StringComparison.Ordinal);
        Assert.Equal($"upload:{upload.GetProperty("source").GetProperty("sha256").GetString()}", upload.GetProperty("source").GetProperty("path").GetString());
    }

    public static TheoryData<string, string> BadJson => new()
    {
        { """{"source": "/m/a.mp4", "colour": "red"}""", "colour" },
        { """{"source": "/m/a.mp4", "toneMap": "perhaps"}""", "toneMap" },
        { """{"targetDuration": 10}""", "source" },
        { """{"source": 12}""", "source" },
    };

    [Theory]
    [MemberData(nameof(BadJson))]
    public async Task A_bad_json_field_is_named_without_dotnet_type_names(string body, string field)
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");

        var answer = await acme.PostAsync(new Uri("/v1/videos", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains($"'{field}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Highlights.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_submitted_value_is_echoed_only_in_part()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        var longPath = "/" + new string('x', 200_000);

        var byPath = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source = longPath });
        var byField = await acme.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), new { source = Path.Combine(api.AllowedRoot, "a.mp4"), llm = new string('y', 200_000) });

        foreach (var answer in new[] { byPath, byField })
        {
            var detail = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.True(detail.Length < 400, $"{detail.Length} characters of detail");
        }
    }

    private static MultipartFormDataContent UploadOf(byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", "clip.mp4" } };
}
