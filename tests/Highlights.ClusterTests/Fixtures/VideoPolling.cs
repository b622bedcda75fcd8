using System.Net.Http.Json;
using System.Text.Json;

namespace Highlights.ClusterTests.Fixtures;

public static class VideoPolling
{
    /// <summary>Polls <c>GET /v1/videos/{id}</c> until <paramref name="done"/> holds; returns that answer's body.</summary>
    public static async Task<string> UntilAsync(HttpClient client, string id, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            if (await TryGetAsync(client, id) is { } answer)
            {
                last = answer;
                using var view = JsonDocument.Parse(last);
                if (done(view.RootElement))
                {
                    return last;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"video {id} never got there in {timeout}; last answer: {last}");
        return last;
    }

    /// <summary>The video's view, or null while its silo cannot answer (it was just killed, or is starting).</summary>
    public static async Task<string?> TryGetAsync(HttpClient client, string id)
    {
        try
        {
            var response = await client.GetAsync(new Uri($"/v1/videos/{id}", UriKind.Relative));
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Submits <paramref name="body"/> as JSON and returns the new video's id.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(new Uri("/v1/videos", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"submit answered {(int)response.StatusCode}: {text}");
        using var view = JsonDocument.Parse(text);
        return view.RootElement.GetProperty("id").GetString()!;
    }
}
