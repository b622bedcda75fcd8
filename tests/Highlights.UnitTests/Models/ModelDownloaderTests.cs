using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Highlights.Cli.Models;
using Highlights.UnitTests.Support;

namespace Highlights.UnitTests.Models;

/// <summary>The downloader against a real HTTP server on loopback that serves one file, or fails as told.</summary>
public sealed class ModelDownloaderTests : IDisposable
{
    private static readonly byte[] Content = [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31 % 251))];
    private static readonly string ContentSha256 = Convert.ToHexStringLower(SHA256.HashData(Content));

    private readonly TempDirectory temp = new();
    private readonly HttpClient http = new();
    private readonly string target;

    public ModelDownloaderTests() => target = Path.Combine(temp.Path, "ggml-test.bin");

    public void Dispose()
    {
        http.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task A_download_matching_its_published_size_and_hash_is_installed()
    {
        using var server = new OneFileServer(HttpStatusCode.OK);
        long lastProgress = 0;

        await new ModelDownloader(http).DownloadAsync(server.Url, target, Content.Length, ContentSha256, bytes => lastProgress = bytes, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(target));
        Assert.Equal(Content.Length, lastProgress);
    }

    [Fact]
    public async Task A_download_with_another_hash_is_not_installed()
    {
        using var server = new OneFileServer(HttpStatusCode.OK);
        var published = new string('a', 64);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).DownloadAsync(server.Url, target, Content.Length, published, null, CancellationToken.None));

        Assert.Contains(ContentSha256, error.Message);
        Assert.Contains(published, error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task A_server_error_says_what_the_server_answered_and_how_to_install_by_hand()
    {
        using var server = new OneFileServer(HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).DownloadAsync(server.Url, target, Content.Length, ContentSha256, null, CancellationToken.None));

        Assert.Contains("404", error.Message);
        Assert.Contains($"copy the file to {target}", error.Message);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task An_unreachable_server_says_there_seems_to_be_no_network_and_how_to_install_by_hand()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort()}/ggml-test.bin");

        var error = await Assert.ThrowsAsync<ModelDownloadException>(() =>
            new ModelDownloader(http).DownloadAsync(closed, target, Content.Length, ContentSha256, null, CancellationToken.None));

        Assert.Contains("no network", error.Message);
        Assert.Contains(ContentSha256, error.Message);
        Assert.Contains(target, error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>Answers every request with <see cref="Content"/>, or with an empty error response.</summary>
    private sealed class OneFileServer : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task serving;

        public OneFileServer(HttpStatusCode status)
        {
            var port = FreePort();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            Url = new Uri($"http://127.0.0.1:{port}/ggml-test.bin");
            serving = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    context.Response.StatusCode = (int)status;
                    if (status == HttpStatusCode.OK)
                    {
                        context.Response.ContentLength64 = Content.Length;
                        await context.Response.OutputStream.WriteAsync(Content);
                    }

                    context.Response.Close();
                }
            });
        }

        public Uri Url { get; }

        public void Dispose()
        {
            // Close alone: Stop then Close binds the freed port again (see ScriptedLlmServer.DisposeAsync).
            listener.Close();
            serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
