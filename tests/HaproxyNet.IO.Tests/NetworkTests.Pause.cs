using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Tests;

/// <summary>IListenerSocket.Pause/Resume on real loopback sockets (1.4's pause_proxy / listen_proxies).</summary>
public sealed partial class NetworkTests
{
    [Theory]
    [MemberData(nameof(Transports))]
    public void Pause_Listening_NewConnectIsRefused(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network);

            Assert.True(listener.Pause());

            using var client = NewClient();
            var e = Assert.Throws<SocketException>(() => client.Connect(listener.LocalEndPoint));
            Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Pause_ConnectionWaitingInBacklog_IsReset(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network);
            using var queued = NewClient();
            queued.Connect(listener.LocalEndPoint); // the kernel completes the handshake; nobody accepts

            Assert.True(listener.Pause());

            var e = Assert.Throws<SocketException>(() => queued.Receive(new byte[1]));
            Assert.Equal(SocketError.ConnectionReset, e.SocketErrorCode);
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Resume_Paused_ClientConnectsAndIsAccepted(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network);
            IConnection? accepted = null;
            listener.Handler = new RecordingHandler("l") { OnRead = () => accepted ??= listener.TryAccept(out _, out _) };
            Assert.True(listener.Pause());
            listener.SetInterest(false);

            Assert.True(listener.Resume());
            listener.SetInterest(true);
            using var client = NewClient();
            client.Connect(listener.LocalEndPoint);
            Loopback.PollUntil(network, () => accepted is not null, "accept after resume");

            Assert.Equal(client.LocalEndPoint, accepted!.RemoteEndPoint);
            accepted.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Pause_PortStaysBound_PlainBindFailsUntilClosed(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network);
            Assert.True(listener.Pause());

            Assert.Equal(Linux.EADDRINUSE, PlainBind(listener.LocalEndPoint)); // no SO_REUSEADDR, no SO_REUSEPORT

            listener.Close();
            Assert.Equal(0, PlainBind(listener.LocalEndPoint));
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Resume_PortTakenWhilePaused_FailsThenPauseFailsToo(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network);
            Assert.True(listener.Pause());

            // SO_REUSEADDR without SO_REUSEPORT (raw: .NET's ReuseAddress sets both on Linux) may bind next to a
            // socket that is not listening, then keeps the port for itself.
            var other = LibC.Socket(Linux.AF_INET, Linux.SOCK_STREAM, Linux.IPPROTO_TCP);
            try
            {
                Assert.True(LibC.SetInt(other, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1));
                Assert.Equal(0, RawBind(other, listener.LocalEndPoint));
                Assert.Equal(0, LibC.Listen(other, 4));

                Assert.False(listener.Resume()); // 1.4: "Port N busy while trying to enable ..."
                Assert.False(listener.Pause()); // the socket is not listening: 1.4's re-pause ends in ERROR
            }
            finally
            {
                LibC.Close(other);
            }

            Assert.True(listener.Resume()); // the port is free again
            using var client = NewClient();
            client.Connect(listener.LocalEndPoint);
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Fact]
    public void EpollListener_PauseAfterFailedResume_ReportsEnotconn()
    {
        using var network = new EpollNetwork();
        var listener = (EpollListener)ListenOnFreePort(network);
        Assert.True(listener.Pause());
        Assert.Equal(0, listener.LastErrno);

        Assert.False(listener.Pause()); // already out of LISTEN: shutdown(SHUT_WR) says ENOTCONN

        Assert.Equal(Linux.ENOTCONN, listener.LastErrno);
        Assert.Equal(16, listener.Backlog);
        listener.Close();
        Assert.False(listener.Resume());
        Assert.Equal(Linux.EBADF, listener.LastErrno);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void PauseResume_IPv6Loopback_RefusedThenAccepted(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = ListenOnFreePort(network, IPAddress.IPv6Loopback);
            IConnection? accepted = null;
            listener.Handler = new RecordingHandler("l") { OnRead = () => accepted ??= listener.TryAccept(out _, out _) };
            Assert.True(listener.Pause());
            using (var refused = NewClient(AddressFamily.InterNetworkV6))
            {
                var e = Assert.Throws<SocketException>(() => refused.Connect(listener.LocalEndPoint));
                Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
            }

            Assert.True(listener.Resume());
            listener.SetInterest(true);
            using var client = NewClient(AddressFamily.InterNetworkV6);
            client.Connect(listener.LocalEndPoint);
            Loopback.PollUntil(network, () => accepted is not null, "accept after resume on ::1");

            Assert.Equal(IPAddress.IPv6Loopback, accepted!.RemoteEndPoint!.Address);
            accepted.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    /// <summary>Listens on a fixed free port: a port-0 bind is not locked and would be released by the pause.</summary>
    private static IListenerSocket ListenOnFreePort(INetwork network, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        for (var attempt = 0; ; attempt++)
        {
            int port;
            using (var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp))
            {
                probe.Bind(new IPEndPoint(address, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            var listener = network.Listen(new IPEndPoint(address, port), 16, out _);
            if (listener is not null || attempt == 10)
            {
                Assert.NotNull(listener);
                return listener;
            }
        }
    }

    private static Socket NewClient(AddressFamily family = AddressFamily.InterNetwork) => new(family, SocketType.Stream, ProtocolType.Tcp)
    {
        ReceiveTimeout = Loopback.MaxWaitMs,
        SendTimeout = Loopback.MaxWaitMs,
    };

    /// <summary>bind() on a raw socket without any option; returns 0 or the errno.</summary>
    private static int PlainBind(IPEndPoint endPoint)
    {
        var fd = LibC.Socket(Linux.AF_INET, Linux.SOCK_STREAM, Linux.IPPROTO_TCP);
        Assert.True(fd >= 0);
        try
        {
            return RawBind(fd, endPoint);
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    private static unsafe int RawBind(int fd, IPEndPoint endPoint)
    {
        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = SockAddr.Write(endPoint, new Span<byte>(addr, SockAddr.MaxSize));
        return LibC.Bind(fd, addr, (uint)length) == 0 ? 0 : LibC.Errno;
    }
}
