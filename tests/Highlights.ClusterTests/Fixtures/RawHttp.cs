using System.Net.Sockets;
using System.Text;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// One HTTP/1.1 request over a bare socket, for bodies HttpClient will not send: malformed, endless, or stalled.
/// Sending stops quietly when the server answers early and closes; the answer is then read to the end.
/// </summary>
public sealed class RawHttp : IAsyncDisposable
{
    private readonly TcpClient client = new();
    private NetworkStream stream = null!;

    public static async Task<RawHttp> ConnectAsync(Uri address)
    {
        var raw = new RawHttp();
        await raw.client.ConnectAsync(address.Host, address.Port);
        raw.stream = raw.client.GetStream();
        return raw;
    }

    /// <summary>Request line and headers (with <c>Connection: close</c>); <paramref name="contentLength"/> null sends the body chunked.</summary>
    public Task SendHeadAsync(string method, string path, string key, string contentType, long? contentLength)
    {
        var head = new StringBuilder()
            .Append($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer {key}\r\n")
            .Append($"Content-Type: {contentType}\r\n")
            .Append(contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
            .Append("\r\n");
        return WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
    }

    /// <returns>False once the server has stopped reading (it answered and closed).</returns>
    public async Task<bool> WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            await stream.WriteAsync(bytes);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Everything the server sent until it closed (the request said <c>Connection: close</c>): status line, headers, body.
    /// The socket is not half-closed first, because Kestrel takes that for an aborted request.
    /// </summary>
    public async Task<RawResponse> ReadResponseAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(buffer, cancel.Token);
        }
        catch (IOException)
        {
            // A reset after the answer was sent: what arrived is the answer.
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        var status = text.Length >= 12 && text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text[9..12], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new RawResponse(status, text);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        client.Dispose();
    }
}

public sealed record RawResponse(int Status, string Text);
