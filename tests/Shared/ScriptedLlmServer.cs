using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Highlights.TestSupport;

/// <summary>
/// A tiny OpenAI-compatible chat completions server on loopback. It records every request it receives and replies
/// as the test's script says: an answer with usage figures, an HTTP error, or no reply at all until it is disposed.
/// (HttpListener rather than Kestrel: the ASP.NET framework reference would change how the CLI copied beside the
/// tests resolves its own dependencies.)
/// </summary>
public sealed class ScriptedLlmServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim received = new(0);
    private readonly Task serving;
    private int count;

    private ScriptedLlmServer(Func<RecordedRequest, ScriptedReply> script)
    {
        Script = script;
        var port = Highlights.Silo.Hosting.LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>Decides each reply from the request (which carries its 1-based arrival number).</summary>
    public Func<RecordedRequest, ScriptedReply> Script { get; set; }

    public string BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests.OrderBy(r => r.Number)];

    public static Task<ScriptedLlmServer> StartAsync(Func<RecordedRequest, ScriptedReply> script) => Task.FromResult(new ScriptedLlmServer(script));

    /// <summary>Waits (bounded) until at least <paramref name="expected"/> requests have arrived.</summary>
    public async Task WaitForRequestsAsync(int expected, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (requests.Count < expected)
        {
            await received.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();

        // Close alone, never Stop then Close: on Unix each removes the listener's prefixes, and the second removal
        // binds the port again to find its endpoint; when another test has taken the freed port by then, it throws
        // "Address already in use" (a CI failure). Close also ends the pending GetContextAsync.
        listener.Close();
        await serving;
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        var handlers = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                break;
            }

            handlers.Add(Task.Run(() => HandleAsync(context)));
        }

        await Task.WhenAll(handlers);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            var request = new RecordedRequest(Interlocked.Increment(ref count), body.RootElement.Clone());
            requests.Enqueue(request);
            received.Release();
            switch (Script(request))
            {
                case ScriptedReply.Hang:
                    await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                    response.Abort();
                    return;
                case ScriptedReply.Status status:
                    response.StatusCode = status.Code;
                    if (status.RetryAfter is { } after)
                    {
                        response.AddHeader("Retry-After", after);
                    }

                    await WriteJsonAsync(response, new { error = new { message = $"scripted {status.Code}", type = "scripted", code = status.Code.ToString(CultureInfo.InvariantCulture) } });
                    return;
                case ScriptedReply.Answer answer:
                    await WriteJsonAsync(response, Completion(request, answer));
                    return;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away (its timeout, or a killed CLI): nothing to answer.
        }
    }

    private static async Task WriteJsonAsync(HttpListenerResponse response, object value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static object Completion(RecordedRequest request, ScriptedReply.Answer answer)
    {
        var choice = new { index = 0, message = new { role = "assistant", content = answer.Content }, finish_reason = "stop" };
        var id = $"chatcmpl-{request.Number}";
        return answer.Usage is { } usage
            ? new
            {
                id,
                @object = "chat.completion",
                created = 1_700_000_000,
                model = request.Model,
                choices = new[] { choice },
                usage = new { prompt_tokens = usage.Input, completion_tokens = usage.Output, total_tokens = usage.Input + usage.Output },
            }
            : new { id, @object = "chat.completion", created = 1_700_000_000, model = request.Model, choices = new[] { choice } };
    }
}
