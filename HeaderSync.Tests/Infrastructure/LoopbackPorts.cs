using System.Net;
using System.Net.Sockets;

namespace HeaderSync.Tests.Infrastructure;

internal static class LoopbackPorts
{
    /// <summary>A loopback port nothing listens on right now, for a server started next.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
