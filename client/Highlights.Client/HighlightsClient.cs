using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Highlights.Client.Contracts;

namespace Highlights.Client;

/// <summary>Typed access to a silo's HTTP API with one tenant's key. Errors become <see cref="HighlightsApiException"/>.</summary>
public sealed class HighlightsClient(HttpClient http)
{
    public static HighlightsClient Create(Uri server, string apiKey)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return new HighlightsClient(http);
    }

    /// <summary>Queues a video by its path on the server's storage (under an allowed root). Idempotent.</summary>
    public async Task<VideoView> SubmitAsync(SubmitVideoRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(Relative("v1/videos"), request, cancellationToken);
        return await ReadAsync<VideoView>(response, cancellationToken);
    }

    /// <summary>Uploads a local file (streamed) and queues it with the options of <paramref name="options"/> (its source and captions are not used).</summary>
    public async Task<VideoView> UploadAsync(string path, SubmitVideoRequest options, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(options))
        {
            content.Add(new StringContent(value), name);
        }

        var body = new StreamContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(body, "file", Path.GetFileName(path));
        using var response = await http.PostAsync(Relative("v1/videos"), content, cancellationToken);
        return await ReadAsync<VideoView>(response, cancellationToken);
    }

    public async Task<VideoView> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative($"v1/videos/{Uri.EscapeDataString(id)}"), cancellationToken);
        return await ReadAsync<VideoView>(response, cancellationToken);
    }

    /// <summary>Polls until the video is completed, failed or cancelled (and not queued for another attempt).</summary>
    public async Task<VideoView> WaitAsync(string id, TimeSpan pollInterval, IProgress<VideoView>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            var video = await GetAsync(id, cancellationToken);
            progress?.Report(video);
            if (video.IsFinished)
            {
                return video;
            }

            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    /// <summary>An EDL version as the server stores it (docs/edl-v1.schema.json); the latest without <paramref name="version"/>.</summary>
    public async Task<string> GetEdlAsync(string id, int? version, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative(Versioned($"v1/videos/{Uri.EscapeDataString(id)}/edl", version)), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>The video's EDL versions, version 1 (the machine's) first.</summary>
    public async Task<EdlVersionsView> GetEdlVersionsAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative($"v1/videos/{Uri.EscapeDataString(id)}/edl/versions"), cancellationToken);
        return await ReadAsync<EdlVersionsView>(response, cancellationToken);
    }

    /// <summary>Saves an edited EDL (JSON, as <see cref="GetEdlAsync"/> gives it, segments changed) as the video's next version, whose reel the server then renders.</summary>
    public async Task<EdlVersionView> PutEdlAsync(string id, string edlJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(edlJson, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(Relative($"v1/videos/{Uri.EscapeDataString(id)}/edl"), content, cancellationToken);
        return await ReadAsync<EdlVersionView>(response, cancellationToken);
    }

    /// <summary>Streams an EDL version's rendered reel (the latest version's without <paramref name="version"/>) into <paramref name="destination"/>.</summary>
    public async Task DownloadRenderAsync(string id, int? version, Stream destination, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            Relative(Versioned($"v1/videos/{Uri.EscapeDataString(id)}/render", version)), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(destination, cancellationToken);
    }

    public Task<VideoView> CancelAsync(string id, CancellationToken cancellationToken) => PostAsync($"v1/videos/{Uri.EscapeDataString(id)}/cancel", cancellationToken);

    public Task<VideoView> RetryAsync(string id, CancellationToken cancellationToken) => PostAsync($"v1/videos/{Uri.EscapeDataString(id)}/retry", cancellationToken);

    /// <param name="group"><c>video</c>, <c>model</c>, <c>tenant</c> or <c>day</c>.</param>
    public async Task<CostReport> GetCostsAsync(DateTimeOffset? from, DateTimeOffset? to, string group, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative(CostsQuery(from, to, group, csv: false)), cancellationToken);
        return await ReadAsync<CostReport>(response, cancellationToken);
    }

    public async Task<string> GetCostsCsvAsync(DateTimeOffset? from, DateTimeOffset? to, string group, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(Relative(CostsQuery(from, to, group, csv: true)), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<VideoView> PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(Relative(path), null, cancellationToken);
        return await ReadAsync<VideoView>(response, cancellationToken);
    }

    private static IEnumerable<(string Name, string Value)> FormFields(SubmitVideoRequest options)
    {
        var fields = new (string Name, string? Value)[]
        {
            ("targetDuration", options.TargetDuration?.ToString(CultureInfo.InvariantCulture)),
            ("toneMap", options.ToneMap?.ToString(CultureInfo.InvariantCulture)),
            ("llm", options.Llm),
            ("llmModel", options.LlmModel),
            ("budgetUsd", options.BudgetUsd?.ToString(CultureInfo.InvariantCulture)),
            ("onBudget", options.OnBudget),
        };
        return fields.Where(f => f.Value is not null).Select(f => (f.Name, f.Value!));
    }

    private static string CostsQuery(DateTimeOffset? from, DateTimeOffset? to, string group, bool csv)
    {
        var query = new List<string> { $"group={Uri.EscapeDataString(group)}" };
        if (from is { } f)
        {
            query.Add($"from={Uri.EscapeDataString(f.ToString("O", CultureInfo.InvariantCulture))}");
        }

        if (to is { } t)
        {
            query.Add($"to={Uri.EscapeDataString(t.ToString("O", CultureInfo.InvariantCulture))}");
        }

        if (csv)
        {
            query.Add("format=csv");
        }

        return "v1/costs?" + string.Join('&', query);
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static string Versioned(string path, int? version) =>
        version is { } n ? $"{path}?version={n.ToString(CultureInfo.InvariantCulture)}" : path;

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HighlightsApiException(response.StatusCode, "the server answered with an empty body");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            using var problem = JsonDocument.Parse(text);
            var title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            message = string.Join(": ", new[] { title, detail }.Where(s => !string.IsNullOrEmpty(s)));
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's page, say): the status line says enough.
        }

        throw new HighlightsApiException(response.StatusCode, message);
    }
}
