using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.IO.Tests.Logging;

/// <summary>A real UDP socket on 127.0.0.1 standing in for syslogd; receives with a bounded wait.</summary>
internal sealed class SyslogReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _buffer = new byte[4096];

    public SyslogReceiver()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 5000;
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The next datagram as Latin-1 text (byte i = char i).</summary>
    public string Receive()
    {
        var n = _socket.Receive(_buffer);
        return Encoding.Latin1.GetString(_buffer, 0, n);
    }

    /// <summary>True if a datagram is waiting (after a short bounded wait).</summary>
    public bool HasPending(int waitMs = 50) => _socket.Poll(waitMs * 1000, SelectMode.SelectRead);

    public void Dispose() => _socket.Dispose();
}
