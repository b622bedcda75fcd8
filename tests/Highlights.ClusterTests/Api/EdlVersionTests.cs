using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Highlights.Client;
using Highlights.ClusterTests.Fixtures;
using Highlights.Grains.Media;

namespace Highlights.ClusterTests.Api;

/// <summary>
/// Issue 18, versions: an edited EDL PUT to a completed video becomes version 2, rendered by ffmpeg to a reel of its
/// own while version 1's EDL and reel stay as they were; an edit the source cannot take is a 422 naming the field.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EdlVersionTests(PostgresServer server) : IDisposable
{
    private const double Fps = 25;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo temp = Directory.CreateTempSubdirectory("highlights-versions-");

    public void Dispose() => temp.Delete(recursive: true);

    [Fact]
    public async Task An_edit_becomes_version_2_with_a_reel_of_its_own_and_version_1_stays_intact()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        using var acme = await api.ClientForTenantAsync("acme");
        using var rival = await api.ClientForTenantAsync("rival");
        var id = await CompletedVideoAsync(api.AllowedRoot, acme);

        var versions = await acme.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}/edl/versions"));
        var machine = Assert.Single(versions.GetProperty("versions").EnumerateArray());
        Assert.Equal((1, "machine", "completed"), (machine.GetProperty("version").GetInt32(), machine.GetProperty("createdBy").GetString(), Render(machine)));
        var (edl1, header1) = await EdlAsync(acme, $"/v1/videos/{id}/edl");
        Assert.Equal("1", header1);
        var reel1 = await acme.GetByteArrayAsync(Relative($"/v1/videos/{id}/render"));

        // Reordered (the later cut first), the first start 0.3 of a frame off the grid.
        var edited = WithSegments(edl1, (5.0, 6.4), (1.012, 2.0));
        var put = await acme.PutAsync(Relative($"/v1/videos/{id}/edl"), Json(edited));
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(put.StatusCode == HttpStatusCode.Created, saved.ToString());
        Assert.Equal($"/v1/videos/{id}/edl?version=2", put.Headers.Location?.OriginalString);
        Assert.Equal((2, "acme", 2), (saved.GetProperty("version").GetInt32(), saved.GetProperty("createdBy").GetString(), saved.GetProperty("segments").GetInt32()));
        Assert.Equal(2.4, saved.GetProperty("durationSeconds").GetDouble(), 6);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync(Relative($"/v1/videos/{id}/edl/versions"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rival.PutAsync(Relative($"/v1/videos/{id}/edl"), Json(edited))).StatusCode);

        var done = await UntilRenderedAsync(acme, id, 2);
        Assert.Equal("completed", Render(done));
        var (edl2, header2) = await EdlAsync(acme, $"/v1/videos/{id}/edl");
        Assert.Equal("2", header2);
        var segments = edl2["segments"]!.AsArray();
        Assert.Equal([(5.0, 6.4), (1.0, 2.0)], segments.Select(s => (s!["start"]!.GetValue<double>(), s["end"]!.GetValue<double>())));
        Assert.Equal([125L, 25L], segments.Select(s => s!["start_frame"]!.GetValue<long>()));
        await EdlSchemaCheck.AssertValidAsync(edl2.ToJsonString(), temp.FullName);

        var reel2Path = Path.Combine(temp.FullName, "v2.mp4");
        using (var reel2 = await acme.GetAsync(Relative($"/v1/videos/{id}/render?version=2")))
        {
            Assert.Equal(HttpStatusCode.OK, reel2.StatusCode);
            Assert.Equal("2", reel2.Headers.GetValues("Highlights-Edl-Version").Single());
            await File.WriteAllBytesAsync(reel2Path, await reel2.Content.ReadAsByteArrayAsync());
        }

        var probed = await api.Service<IMediaTool>().ProbeAsync(reel2Path, CancellationToken.None);
        Assert.Equal(2.4, probed.DurationSeconds, 2 / Fps);

        var (edl1After, _) = await EdlAsync(acme, $"/v1/videos/{id}/edl?version=1");
        Assert.Equal(edl1.ToJsonString(), edl1After.ToJsonString());
        Assert.Equal(reel1, await acme.GetByteArrayAsync(Relative($"/v1/videos/{id}/render?version=1")));
        foreach (var format in new[] { "otio", "fcpxml", "cmx3600", "srt" })
        {
            var v1 = await acme.GetStringAsync(Relative($"/v1/videos/{id}/export?format={format}&version=1"));
            var v2 = await acme.GetStringAsync(Relative($"/v1/videos/{id}/export?format={format}&version=2"));
            Assert.NotEqual(v1, v2);
            Assert.Equal(v2, await acme.GetStringAsync(Relative($"/v1/videos/{id}/export?format={format}")));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(Relative($"/v1/videos/{id}/edl?version=3"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync(Relative($"/v1/videos/{id}/render?version=3"))).StatusCode);
        using (var latest = await acme.GetAsync(Relative($"/v1/videos/{id}/render"), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal("2", latest.Headers.GetValues("Highlights-Edl-Version").Single());
        }

        var typed = new HighlightsClient(acme);
        var listed = await typed.GetEdlVersionsAsync(id, CancellationToken.None);
        Assert.Equal([(1, "machine"), (2, "acme")], listed.Versions.Select(v => (v.Version, v.CreatedBy)));
        Assert.Equal(edl1.ToJsonString(), JsonNode.Parse(await typed.GetEdlAsync(id, 1, CancellationToken.None))!.ToJsonString());
    }

    private static readonly (string Name, string Field)[] Invalid =
    [
        ("overlap", "segments[1].start"),
        ("past-the-end", "segments[0].end"),
        ("end-before-start", "segments[0].end"),
        ("other-source", "source.sha256"),
        ("malformed", "$"),
        ("unknown-field", "segments[0].colour"),
        ("string-number", "segments[0].start"),
    ];

    [Fact]
    public async Task Edits_the_source_cannot_take_are_422_problems_naming_the_field_and_save_nothing()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        using var acme = await api.ClientForTenantAsync("acme");
        var id = await CompletedVideoAsync(api.AllowedRoot, acme);
        var (edl, _) = await EdlAsync(acme, $"/v1/videos/{id}/edl");

        foreach (var (name, field) in Invalid)
        {
            var body = name switch
            {
                "overlap" => Json(WithSegments(edl, (1, 3), (2.5, 4))),
                "past-the-end" => Json(WithSegments(edl, (6, 9))),
                "end-before-start" => Json(WithSegments(edl, (3, 2))),
                "other-source" => Json(Edit(WithSegments(edl, (1, 2)), e => e["source"]!["sha256"] = new string('0', 64))),
                "malformed" => Text("{\"version\": 1, \"segments\": ["),
                "unknown-field" => Json(Edit(WithSegments(edl, (1, 2)), e => e["segments"]![0]!["colour"] = "red")),
                _ => Json(Edit(WithSegments(edl, (1, 2)), e => e["segments"]![0]!["start"] = "1")),
            };

            var answer = await acme.PutAsync(Relative($"/v1/videos/{id}/edl"), body);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();

            Assert.True(answer.StatusCode == HttpStatusCode.UnprocessableEntity, $"{name}: {(int)answer.StatusCode} {problem}");
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            var errors = problem.GetProperty("errors").EnumerateObject().ToList();
            Assert.True(errors.Count == 1 && errors[0].Name == field, $"{name}: {problem}");
            Assert.DoesNotContain("Highlights.", problem.ToString(), StringComparison.Ordinal);
        }

        var versions = (await acme.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}/edl/versions"))).GetProperty("versions");
        Assert.Equal(1, versions.GetArrayLength());
    }

    [Fact]
    public async Task A_version_whose_render_fails_says_why_without_the_servers_folders_and_its_reel_is_409()
    {
        await using var api = await ApiHost.StartAsync(server, new Dictionary<string, string?> { ["Cluster:Workers"] = "1" });
        using var acme = await api.ClientForTenantAsync("acme");
        var id = await CompletedVideoAsync(api.AllowedRoot, acme);
        var (edl, _) = await EdlAsync(acme, $"/v1/videos/{id}/edl");
        await ShortVideos.MakeAsync(Path.Combine(api.AllowedRoot, "clip.mp4"), 8, 660);

        var saved = await new HighlightsClient(acme).PutEdlAsync(id, WithSegments(edl, (1, 2)).ToJsonString(), CancellationToken.None);
        Assert.Equal((2, "acme", 1.0), (saved.Version, saved.CreatedBy, saved.DurationSeconds));
        var failed = await UntilRenderedAsync(acme, id, 2);
        var reel = await acme.GetAsync(Relative($"/v1/videos/{id}/render?version=2"));

        Assert.Equal("failed", Render(failed));
        var error = failed.GetProperty("render").GetProperty("error").GetString()!;
        Assert.Contains("clip.mp4: source file changed since the video was submitted", error, StringComparison.Ordinal);
        Assert.DoesNotContain(api.AllowedRoot, error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reel.StatusCode);
        Assert.Contains("version 2 is failed", await reel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(Relative($"/v1/videos/{id}/render?version=1"))).StatusCode);
    }

    [Fact]
    public async Task A_version_saved_where_no_worker_could_render_it_renders_when_its_grain_next_wakes_on_a_worker_silo()
    {
        await using var database = await ClusterDatabase.CreateAsync(server, migrate: false);
        var media = Directory.CreateDirectory(Path.Combine(temp.FullName, "media")).FullName;
        var state = Directory.CreateDirectory(Path.Combine(temp.FullName, "state")).FullName;
        Dictionary<string, string?> Settings(int workers) => new()
        {
            ["Cluster:Workers"] = $"{workers}",
            ["State:Directory"] = state,
            ["AllowedRoots:0"] = media,
        };

        string id;
        JsonNode edl;
        await using (var worker = await ApiHost.StartAsync(server, Settings(1), database: database))
        {
            using var acme = await worker.ClientForTenantAsync("acme");
            id = await CompletedVideoAsync(media, acme);
            (edl, _) = await EdlAsync(acme, $"/v1/videos/{id}/edl");
        }

        await using (var apiOnly = await ApiHost.StartAsync(server, Settings(0), database: database))
        {
            using var acme = await apiOnly.ClientForTenantAsync("acme");
            var put = await acme.PutAsync(Relative($"/v1/videos/{id}/edl"), Json(WithSegments(edl, (1, 2))));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            var waiting = (await acme.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}/edl/versions"))).GetProperty("versions")[1];
            Assert.Equal("pending", Render(waiting));
        }

        await using (var worker = await ApiHost.StartAsync(server, Settings(1), database: database))
        {
            using var acme = await worker.ClientForTenantAsync("acme");
            Assert.Equal("completed", Render(await UntilRenderedAsync(acme, id, 2)));
            Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync(Relative($"/v1/videos/{id}/render?version=2"))).StatusCode);
        }
    }

    [Fact]
    public async Task An_edit_of_a_video_not_completed_is_409_and_of_another_tenants_video_404()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var acme = await api.ClientForTenantAsync("acme");
        using var rival = await api.ClientForTenantAsync("rival");
        var id = await api.SubmitMadeUpAsync("acme", "c1");
        var edl = Json(new JsonObject { ["version"] = 1, ["segments"] = new JsonArray() });

        var pending = await acme.PutAsync(Relative($"/v1/videos/{id}/edl"), edl);
        var other = await rival.PutAsync(Relative($"/v1/videos/{id}/edl"), edl);

        Assert.True(pending.StatusCode == HttpStatusCode.Conflict, await pending.Content.ReadAsStringAsync());
        Assert.Contains("pending", await pending.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await acme.GetAsync(Relative($"/v1/videos/{id}/edl"))).StatusCode);
        Assert.Equal(0, (await acme.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}/edl/versions"))).GetProperty("versions").GetArrayLength());
    }

    /// <summary>An 8-second clip (25 fps, a sidecar caption over all of it) submitted and processed to the end.</summary>
    private static async Task<string> CompletedVideoAsync(string allowedRoot, HttpClient client)
    {
        var source = Path.Combine(allowedRoot, "clip.mp4");
        await ShortVideos.MakeAsync(source, 8, 440);
        var id = await VideoPolling.SubmitAsync(client, new { source, targetDuration = 4 });
        await VideoPolling.UntilAsync(client, id, v => v.GetProperty("status").GetString() is "completed" or "failed", Patience);
        var view = await client.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}"));
        Assert.True(view.GetProperty("status").GetString() == "completed", view.ToString());
        return id;
    }

    private static async Task<JsonElement> UntilRenderedAsync(HttpClient client, string id, int version)
    {
        var deadline = DateTime.UtcNow + Patience;
        JsonElement entry = default;
        while (DateTime.UtcNow < deadline)
        {
            var versions = await client.GetFromJsonAsync<JsonElement>(Relative($"/v1/videos/{id}/edl/versions"));
            entry = versions.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version);
            if (Render(entry) is "completed" or "failed")
            {
                return entry;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"version {version} of {id} was not rendered in {Patience}: {entry}");
        return entry;
    }

    private static string? Render(JsonElement version) => version.GetProperty("render").GetProperty("status").GetString();

    private static async Task<(JsonNode Edl, string? Version)> EdlAsync(HttpClient client, string path)
    {
        using var answer = await client.GetAsync(Relative(path));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (JsonNode.Parse(await answer.Content.ReadAsStringAsync())!, answer.Headers.GetValues("Highlights-Edl-Version").Single());
    }

    /// <summary>The EDL with its segments replaced by cuts at these source times, in this order; each keeps the fields of the first original segment.</summary>
    private static JsonNode WithSegments(JsonNode edl, params (double Start, double End)[] cuts)
    {
        var copy = edl.DeepClone();
        var template = copy["segments"]![0]!;
        var segments = new JsonArray();
        foreach (var (start, end) in cuts)
        {
            var segment = template.DeepClone();
            segment["id"] = $"s{segments.Count + 101}";
            segment["start"] = start;
            segment["end"] = end;
            segment.AsObject().Remove("transition");
            segment.AsObject().Remove("cues");
            segments.Add(segment);
        }

        copy["segments"] = segments;
        return copy;
    }

    private static JsonNode Edit(JsonNode edl, Action<JsonNode> edit)
    {
        edit(edl);
        return edl;
    }

    private static StringContent Json(JsonNode body) => Text(body.ToJsonString());

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "application/json");

    private static Uri Relative(string path) => new(path, UriKind.Relative);
}
