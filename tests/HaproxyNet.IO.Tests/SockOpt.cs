using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Reads socket options back from a transport's descriptor (getsockopt), without taking ownership of it.</summary>
internal static class SockOpt
{
    public const int SolSocket = 1;
    public const int IpProtoTcp = 6;
    public const int SoSndBuf = 7;
    public const int SoRcvBuf = 8;
    public const int SoKeepAlive = 9;
    public const int SoLinger = 13;
    public const int TcpMaxSeg = 2;
    public const int TcpDeferAccept = 9;

    public static int Fd(object socket) => socket switch { IConnection c => c.Fd, IListenerSocket l => l.Fd, _ => throw new ArgumentException("not a socket", nameof(socket)) };

    /// <summary>getsockopt returning an int.</summary>
    public static int GetInt(object socket, int level, int name)
    {
        Span<byte> value = stackalloc byte[4];
        using var s = Wrap(socket);
        var n = s.GetRawSocketOption(level, name, value);
        Assert.Equal(4, n);
        return BitConverter.ToInt32(value);
    }

    /// <summary>struct linger {l_onoff, l_linger}.</summary>
    public static (int OnOff, int Seconds) GetLinger(object socket)
    {
        Span<byte> value = stackalloc byte[8];
        using var s = Wrap(socket);
        Assert.Equal(8, s.GetRawSocketOption(SolSocket, SoLinger, value));
        return (BitConverter.ToInt32(value), BitConverter.ToInt32(value[4..]));
    }

    private static Socket Wrap(object socket) => new(new SafeSocketHandle(Fd(socket), ownsHandle: false));
}
