using System.Net;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>
/// The socket options 1.4 sets, read back with getsockopt on real loopback sockets: client side at accept, server
/// side at connect, listener options, source binding and the original destination.
/// </summary>
public sealed partial class NetworkTests
{
    private static readonly SocketOptions Tuned = new() { KeepAlive = true, NoLinger = true, SendBuffer = 16384, ReceiveBuffer = 32768 };

    /// <summary>Listens with <paramref name="options"/>, connects with <paramref name="connect"/>, returns both ends.</summary>
    private static (IListenerSocket Listener, IConnection Client, IConnection Server) PairWith(
        INetwork network, in ListenerOptions options, in SocketOptions connect, IPEndPoint? source = null)
    {
        var listener = network.Listen(Loopback.AnyPort, 16, options, out var message, out var severity);
        Assert.NotNull(listener);
        Assert.Null(message);
        Assert.Equal(ListenSeverity.None, severity);
        IConnection? server = null;
        listener.Handler = new RecordingHandler("l") { OnRead = () => server ??= listener.TryAccept(out _, out _) };
        listener.SetInterest(true);
        var client = network.Connect(listener.LocalEndPoint, source, connect, out var status, out _);
        Assert.Equal(ConnectStatus.InProgress, status);
        Loopback.PollUntil(network, () => server is not null, "the accept");
        return (listener, client!, server!);
    }

    private static void CloseAll(IListenerSocket l, IConnection c, IConnection s)
    {
        c.Close();
        s.Close();
        l.Close();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Accept_ClientOptions_KeepAliveLingerAndBuffersSet(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (l, c, s) = PairWith(network, new ListenerOptions { Accepted = Tuned }, default);

            Assert.NotEqual(0, SockOpt.GetInt(s, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            Assert.Equal((1, 0), SockOpt.GetLinger(s));
            Assert.Equal(2 * 16384, SockOpt.GetInt(s, SockOpt.SolSocket, SockOpt.SoSndBuf)); // the kernel doubles
            Assert.Equal(2 * 32768, SockOpt.GetInt(s, SockOpt.SolSocket, SockOpt.SoRcvBuf));
            Assert.Equal(0, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoKeepAlive)); // the other end is untouched
            CloseAll(l, c, s);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Connect_ServerOptions_KeepAliveLingerAndBuffersSet(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (l, c, s) = PairWith(network, default, Tuned);

            Assert.NotEqual(0, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            Assert.Equal((1, 0), SockOpt.GetLinger(c));
            Assert.Equal(2 * 16384, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoSndBuf));
            Assert.Equal(2 * 32768, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoRcvBuf));
            Assert.Equal(0, SockOpt.GetInt(s, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            CloseAll(l, c, s);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Options_Default_NothingChanged(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (l, c, s) = PairWith(network, default, default);

            Assert.Equal(0, SockOpt.GetInt(s, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            Assert.Equal(0, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            Assert.Equal(0, SockOpt.GetLinger(s).OnOff);
            Assert.Equal(0, SockOpt.GetLinger(c).OnOff);
            CloseAll(l, c, s);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Fact]
    public void Listen_DeferAcceptMssNoLinger_SetOnTheListeningSocket()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var l = network.Listen(Loopback.AnyPort, 8, new ListenerOptions { DeferAccept = true, Mss = 1400, NoLinger = true }, out var message, out var severity)!;

        Assert.Null(message);
        Assert.Equal(ListenSeverity.None, severity);
        Assert.Equal(1, SockOpt.GetInt(l, SockOpt.IpProtoTcp, SockOpt.TcpDeferAccept));
        Assert.Equal(1400, SockOpt.GetInt(l, SockOpt.IpProtoTcp, SockOpt.TcpMaxSeg));
        Assert.Equal((1, 0), SockOpt.GetLinger(l));
        l.Close();
    }

    [Fact]
    public void Listen_NoOptions_NoDeferAccept()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var l = network.Listen(Loopback.AnyPort, 8, default, out _, out _)!;

        Assert.Equal(0, SockOpt.GetInt(l, SockOpt.IpProtoTcp, SockOpt.TcpDeferAccept));
        Assert.Equal(0, SockOpt.GetLinger(l).OnOff);
        l.Close();
    }

    [Fact]
    public void Listen_UnknownInterface_WarningAndStillListening()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var l = network.Listen(Loopback.AnyPort, 8, new ListenerOptions { Interface = "nosuchdev0" }, out var message, out var severity);

        // tcp_bind_listener: SO_BINDTODEVICE failure is ERR_WARN only; the socket is bound and listens.
        Assert.NotNull(l);
        Assert.Equal("cannot bind listener to device", message);
        Assert.Equal(ListenSeverity.Warning, severity);
        Assert.NotEqual(0, l.LocalEndPoint.Port);
        l.Close();
    }

    [Fact]
    public void Listen_WarningThenLaterWarning_LastReasonWins()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var l = network.Listen(Loopback.AnyPort, 8, new ListenerOptions { Interface = "nosuchdev0", Mss = 1400 }, out var message, out var severity);

        // MSS succeeds: the device's reason stays (1.4 keeps one message, overwritten only by a later failure).
        Assert.Equal("cannot bind listener to device", message);
        Assert.Equal(ListenSeverity.Warning, severity);
        l!.Close();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Connect_SourceNotLocal_SourceBindFailed(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = network.Listen(Loopback.AnyPort, 8, out _)!;
            var source = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 0); // TEST-NET-1: not a local address

            var conn = network.Connect(listener.LocalEndPoint, source, default(SocketOptions), out var status, out var errno);

            Assert.Null(conn);
            Assert.Equal(ConnectStatus.SourceBindFailed, status);
            Assert.Equal(99, errno); // EADDRNOTAVAIL
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Connect_SourceWithOptions_ServerSeesTheSource(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var source = new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0);
            var (l, c, s) = PairWith(network, default, new SocketOptions { KeepAlive = true }, source);

            Assert.Equal(IPAddress.Parse("127.0.0.2"), s.RemoteEndPoint.Address);
            Assert.NotEqual(0, SockOpt.GetInt(c, SockOpt.SolSocket, SockOpt.SoKeepAlive));
            CloseAll(l, c, s);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Fact]
    public void Connect_ForeignSource_BindsTheForeignAddressNotTheSource()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var source = new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0);
        var foreign = new IPEndPoint(IPAddress.Parse("127.0.0.5"), 0);
        var listener = network.Listen(Loopback.AnyPort, 8, out _)!;
        IConnection? server = null;
        listener.Handler = new RecordingHandler("l") { OnRead = () => server ??= listener.TryAccept(out _, out _) };
        listener.SetInterest(true);

        // IP_TRANSPARENT needs CAP_NET_ADMIN; without it 1.4 falls back to IP_FREEBIND, which needs nothing.
        var client = network.Connect(listener.LocalEndPoint, source, new SocketOptions { ForeignSource = foreign }, out var status, out _);

        Assert.Equal(ConnectStatus.InProgress, status);
        Loopback.PollUntil(network, () => server is not null, "the accept");
        Assert.Equal(foreign.Address, server!.RemoteEndPoint.Address);
        server.Close();
        client!.Close();
        listener.Close();
    }

    [Fact]
    public void Connect_ForeignAddressBusy_ForeignBindFailed()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var listener = network.Listen(Loopback.AnyPort, 8, out _)!;
        var source = new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0);

        // usesrc client with the address:port of a listening socket: the foreign bind fails (tcpv4_bind_socket 2).
        var conn = network.Connect(listener.LocalEndPoint, source, new SocketOptions { ForeignSource = listener.LocalEndPoint }, out var status, out var errno);

        Assert.Null(conn);
        Assert.Equal(ConnectStatus.ForeignBindFailed, status);
        Assert.Equal(98, errno); // EADDRINUSE
        listener.Close();
    }

    [Fact]
    public void OriginalDestination_Ipv6_FallsBackToTheLocalAddress()
    {
        using var network = new HaproxyNet.IO.Epoll.EpollNetwork();
        var (l, c, s) = Loopback.Pair(network, new IPEndPoint(IPAddress.IPv6Loopback, 0));

        // SO_ORIGINAL_DST is an IPv4 (SOL_IP) option: an IPv6 socket goes straight to getsockname.
        Assert.Equal(l.LocalEndPoint, s.OriginalDestination);
        Assert.Equal(IPAddress.IPv6Loopback, s.OriginalDestination.Address);
        CloseAll(l, c, s);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void OriginalDestination_NotRedirected_FallsBackToTheLocalAddress(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (l, c, s) = PairWith(network, default, default);

            // No NAT entry: SO_ORIGINAL_DST fails (ENOENT), getsockname answers, as 1.4's get_frt_addr.
            Assert.Equal(l.LocalEndPoint, s.OriginalDestination);
            CloseAll(l, c, s);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }
}
