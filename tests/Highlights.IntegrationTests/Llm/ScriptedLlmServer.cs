using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Highlights.IntegrationTests.Llm;

/// <summary>
/// A tiny OpenAI-compatible chat completions server on loopback. It records every request it receives and replies
/// as the test's script says: an answer with usage figures, an HTTP error, or no reply until the client gives up.
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim received = new(0);

    private ScriptedLlmServer(WebApplication app, Func<RecordedRequest, ScriptedReply> script)
    {
        this.app = app;
        Script = script;
    }

    /// <summary>Decides each reply from the request (which carries its 1-based arrival number).</summary>
    public Func<RecordedRequest, ScriptedReply> Script { get; set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<ScriptedLlmServer> StartAsync(Func<RecordedRequest, ScriptedReply> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLlmServer(app, script);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (requests.Count < count)
        {
            await received.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var request = new RecordedRequest(requests.Count + 1, body.RootElement.Clone());
        requests.Enqueue(request);
        received.Release();
        var reply = Script(request);
        switch (reply)
        {
            case ScriptedReply.Hang:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
            case ScriptedReply.Status status:
                http.Response.StatusCode = status.Code;
                if (status.RetryAfter is { } after)
                {
                    http.Response.Headers.RetryAfter = after;
                }

                await http.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {status.Code}", type = "scripted", code = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
                return;
            case ScriptedReply.Answer answer:
                await http.Response.WriteAsJsonAsync(Completion(request, answer));
                return;
        }
    }

    private static object Completion(RecordedRequest request, ScriptedReply.Answer answer)
    {
        var choice = new { index = 0, message = new { role = "assistant", content = answer.Content }, finish_reason = "stop" };
        return answer.Usage is { } usage
            ? new
            {
                id = $"chatcmpl-{request.Number}",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = request.Model,
                choices = new[] { choice },
                usage = new { prompt_tokens = usage.Input, completion_tokens = usage.Output, total_tokens = usage.Input + usage.Output },
            }
            : new { id = $"chatcmpl-{request.Number}", @object = "chat.completion", created = 1_700_000_000, model = request.Model, choices = new[] { choice } };
    }
}
