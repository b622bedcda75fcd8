using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.ClusterTests.Fixtures;
using Npgsql;

namespace Highlights.ClusterTests.Studio;

/// <summary>The studio's session over plain HTTP: the cookie, antiforgery on every change it makes, and the key kept out of the logs.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StudioSessionTests(PostgresServer server)
{
    [Fact]
    public async Task A_key_becomes_an_httponly_strict_cookie_that_every_v1_route_accepts_and_changes_need_the_token()
    {
        await using var api = await ApiHost.StartAsync(server);
        var key = await api.KeyForTenantAsync("acme");
        var id = await api.SubmitMadeUpAsync("acme", new string('a', 64));
        using var http = CookieClient(api);

        var anonymous = await SessionAsync(http);
        var withoutToken = await http.PostAsJsonAsync("/studio/session", new { key });
        var signedIn = await SignInAsync(http, key, anonymous.Token);
        var setCookie = signedIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("highlights-session=", StringComparison.Ordinal));
        var video = await http.GetAsync($"/v1/videos/{id}");
        var list = await http.GetFromJsonAsync<JsonElement>("/v1/videos");
        var cancelWithout = await http.PostAsync($"/v1/videos/{id}/cancel", null);
        var cancelWithWrong = await http.SendAsync(WithToken(HttpMethod.Post, $"/v1/videos/{id}/cancel", anonymous.Token));
        var cancelWith = await http.SendAsync(WithToken(HttpMethod.Post, $"/v1/videos/{id}/cancel", signedIn.Token));

        Assert.Null(anonymous.Tenant);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal("acme", signedIn.Tenant);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, setCookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.Equal(id, list.GetProperty("videos").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, cancelWithout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cancelWithWrong.StatusCode);
        Assert.True(cancelWith.IsSuccessStatusCode, $"cancel with the session's token answered {(int)cancelWith.StatusCode}");
        Assert.DoesNotContain(api.Logs.All, line => line.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bearer_changes_need_no_token_and_a_wrong_key_or_a_signed_out_session_gets_nothing()
    {
        await using var api = await ApiHost.StartAsync(server);
        var key = await api.KeyForTenantAsync("acme");
        var id = await api.SubmitMadeUpAsync("acme", new string('b', 64));
        using var bearer = api.Client(key);
        using var http = CookieClient(api);

        var cancel = await bearer.PostAsync($"/v1/videos/{id}/cancel", null);
        var anonymous = await SessionAsync(http);
        var wrong = await http.SendAsync(WithToken(HttpMethod.Post, "/studio/session", anonymous.Token, new { key = key + "x" }));
        var signedIn = await SignInAsync(http, key, anonymous.Token);
        var signOut = await http.SendAsync(WithToken(HttpMethod.Delete, "/studio/session", signedIn.Token));
        var after = await http.GetAsync($"/v1/videos/{id}");

        Assert.True(cancel.IsSuccessStatusCode, $"a Bearer cancel answered {(int)cancel.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Revoking_the_key_ends_the_sessions_it_opened()
    {
        await using var api = await ApiHost.StartAsync(server);
        var key = await api.KeyForTenantAsync("acme");
        using var http = CookieClient(api);
        await SignInAsync(http, key, (await SessionAsync(http)).Token);
        var before = await http.GetAsync("/v1/videos");

        await using (var db = new NpgsqlConnection(api.Database.ConnectionString))
        {
            await db.OpenAsync();
            await using var revoke = new NpgsqlCommand("update api_keys set revoked_at = now() where tenant = 'acme'", db);
            await revoke.ExecuteNonQueryAsync();
        }

        var after = await http.GetAsync("/v1/videos");
        var session = await SessionAsync(http);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Null(session.Tenant);
    }

    [Fact]
    public async Task A_session_signed_in_at_one_silo_is_good_at_another_of_the_same_cluster()
    {
        await using var first = await ApiHost.StartAsync(server);
        await using var second = await ApiHost.StartAsync(server, database: first.Database);
        var key = await first.KeyForTenantAsync("acme");
        var id = await first.SubmitMadeUpAsync("acme", new string('d', 64));
        var cookies = new CookieContainer();
        using var atFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = first.Address };
        using var atSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = second.Address };

        var signedIn = await SignInAsync(atFirst, key, (await SessionAsync(atFirst)).Token);
        // Cookies are kept per host and port: carry the session to the other silo as a browser behind one address would.
        cookies.Add(second.Address, cookies.GetCookies(first.Address));
        var video = await atSecond.GetAsync($"/v1/videos/{id}");
        var cancel = await atSecond.SendAsync(WithToken(HttpMethod.Post, $"/v1/videos/{id}/cancel", signedIn.Token));

        Assert.Equal(HttpStatusCode.OK, video.StatusCode);
        Assert.True(cancel.IsSuccessStatusCode, $"the other silo refused the session's token: {(int)cancel.StatusCode}");
    }

    [Fact]
    public async Task The_studio_page_and_its_assets_come_from_the_silo_with_a_self_only_policy()
    {
        await using var api = await ApiHost.StartAsync(server);
        using var http = api.Client();

        var page = await http.GetAsync("/studio");
        var slash = await http.GetAsync("/studio/");
        var html = await page.Content.ReadAsStringAsync();
        var script = await http.GetAsync("/studio/studio.js");
        var missing = await http.GetAsync("/studio/nothing.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slash.StatusCode);
        Assert.Contains("/studio/studio.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static HttpClient CookieClient(ApiHost api) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = api.Address };

    private static HttpRequestMessage WithToken(HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Highlights-Csrf", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static async Task<(string? Tenant, string Token)> SessionAsync(HttpClient http)
    {
        var view = await http.GetFromJsonAsync<JsonElement>("/studio/session");
        return (view.GetProperty("tenant").GetString(), view.GetProperty("antiforgery").GetString()!);
    }

    private static async Task<(string? Tenant, string Token, HttpResponseMessage Response)> SignInAsync(HttpClient http, string key, string token)
    {
        var response = await http.SendAsync(WithToken(HttpMethod.Post, "/studio/session", token, new { key }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (view.GetProperty("tenant").GetString(), view.GetProperty("antiforgery").GetString()!, response);
    }
}
