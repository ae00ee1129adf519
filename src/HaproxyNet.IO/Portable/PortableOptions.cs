using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>The portable part of <see cref="SocketOptions"/> on a <see cref="Socket"/>: keep-alive, linger, buffers.</summary>
internal static class PortableOptions
{
    /// <summary>Sets what is asked; failures are ignored, as 1.4 ignores them.</summary>
    internal static void Apply(Socket socket, in SocketOptions o)
    {
        if (o.IsDefault)
        {
            return;
        }

        try
        {
            if (o.KeepAlive)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            }

            if (o.NoLinger)
            {
                socket.LingerState = new LingerOption(true, 0);
            }

            if (o.SendBuffer != 0)
            {
                socket.SendBufferSize = o.SendBuffer;
            }

            if (o.ReceiveBuffer != 0)
            {
                socket.ReceiveBufferSize = o.ReceiveBuffer;
            }
        }
        catch (SocketException)
        {
            // not fatal in 1.4 either
        }
    }
}
