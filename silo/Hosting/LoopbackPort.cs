using System.Net;
using System.Net.Sockets;

namespace Highlights.Silo.Hosting;

public static class LoopbackPort
{
    /// <summary>A TCP port free on loopback now (the kernel's pick); another process could take it before it is bound again.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
