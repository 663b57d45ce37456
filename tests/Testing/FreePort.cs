using System.Net;
using System.Net.Sockets;

namespace MpWriter.Testing;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now, so parallel test hosts never collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
