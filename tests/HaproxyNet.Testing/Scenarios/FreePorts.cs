using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>Reserves distinct free TCP ports on 127.0.0.1: all are bound together (so the kernel hands out different ones), then released.</summary>
public static class FreePorts
{
    public static Dictionary<string, int> Pick(IReadOnlyList<string> names, IReadOnlyCollection<int> avoid)
    {
        var sockets = new List<Socket>();
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            for (var attempt = 0; attempt < names.Count + avoid.Count && ports.Count < names.Count; attempt++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
                if (!avoid.Contains(port))
                {
                    ports[names[ports.Count]] = port;
                }
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }

        if (ports.Count < names.Count)
        {
            throw new ScenarioException("could not reserve enough free ports");
        }

        return ports;
    }
}
