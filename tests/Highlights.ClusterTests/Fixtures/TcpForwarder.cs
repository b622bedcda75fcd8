using System.Net;
using System.Net.Sockets;

namespace Highlights.ClusterTests.Fixtures;

/// <summary>
/// A loopback TCP forwarder in front of the database, so a test can take the database away (every connection cut,
/// new ones refused) while the silo keeps running, and bring it back.
/// </summary>
public sealed class TcpForwarder : IAsyncDisposable
{
    private readonly int target;
    private readonly List<TcpClient> open = [];
    private TcpListener? listener;
    private Task accepting = Task.CompletedTask;

    public TcpForwarder(int targetPort)
    {
        target = targetPort;
        Port = Highlights.Silo.Hosting.LoopbackPort.Free();
        Up();
    }

    public int Port { get; }

    public void Up()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        var current = listener;
        accepting = Task.Run(() => AcceptAsync(current));
    }

    /// <summary>Cuts every connection and refuses new ones until <see cref="Up"/>.</summary>
    public async Task DownAsync()
    {
        listener?.Stop();
        await accepting;
        lock (open)
        {
            foreach (var client in open)
            {
                client.Dispose();
            }

            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener on)
    {
        while (true)
        {
            TcpClient inbound;
            try
            {
                inbound = await on.AcceptTcpClientAsync();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            await outbound.ConnectAsync(IPAddress.Loopback, target);
            lock (open)
            {
                open.Add(inbound);
                open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Cut on purpose, or the other side went.
        }
        finally
        {
            to.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await DownAsync();
}
