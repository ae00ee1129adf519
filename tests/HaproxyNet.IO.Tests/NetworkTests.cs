using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Tests;

/// <summary>Real loopback behaviour shared by both transports (epoll and the portable select fallback).</summary>
public sealed partial class NetworkTests
{
    public static TheoryData<string> Transports => Loopback.Transports;

    [Theory]
    [MemberData(nameof(Transports))]
    public void Listen_PortZero_ReportsTheBoundPort(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = network.Listen(Loopback.AnyPort, 8, out var error);
            Assert.Null(error);
            Assert.NotNull(listener);
            Assert.Equal(IPAddress.Loopback, listener.LocalEndPoint.Address);
            Assert.NotEqual(0, listener.LocalEndPoint.Port);
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void AcceptAndConnect_Loopback_ReportsEndPointsOfBothSides(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            Assert.Equal(listener.LocalEndPoint, client.RemoteEndPoint);
            Assert.Equal(listener.LocalEndPoint, server.LocalEndPoint);
            Assert.Equal(client.LocalEndPoint, server.RemoteEndPoint);
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void EchoRoundTrip_ServerEchoesClientBytes_ClientReceivesThem(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network);
            var buffer = new byte[64];
            var echoed = new MemoryStream();
            var serverSide = new RecordingHandler("s")
            {
                OnRead = () =>
                {
                    var n = server.Receive(buffer, out var status);
                    if (status == IoStatus.Ok)
                    {
                        Assert.Equal(n, server.Send(buffer.AsSpan(0, n), out var sendStatus));
                        Assert.Equal(IoStatus.Ok, sendStatus);
                    }
                },
            };
            server.Handler = serverSide;
            server.SetInterest(true, false);
            var reply = new byte[64];
            var clientSide = new RecordingHandler("c")
            {
                OnRead = () =>
                {
                    var n = client.Receive(reply, out var status);
                    if (status == IoStatus.Ok)
                    {
                        echoed.Write(reply, 0, n);
                    }
                },
            };
            client.Handler = clientSide;
            client.SetInterest(true, false);

            Assert.Equal(5, client.Send("hello"u8, out var sent));
            Assert.Equal(IoStatus.Ok, sent);
            Loopback.PollUntil(network, () => echoed.Length == 5, "the echo");

            Assert.Equal("hello", Encoding.ASCII.GetString(echoed.ToArray()));
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Connect_ClosedPort_ReportsRefusal(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            // A port that was just free: bind, read it back, close.
            var probe = network.Listen(Loopback.AnyPort, 1, out _)!;
            var port = probe.LocalEndPoint.Port;
            probe.Close();

            var client = network.Connect(new IPEndPoint(IPAddress.Loopback, port), null, out var status, out var errno);
            if (client is null)
            {
                Assert.Equal(ConnectStatus.Refused, status);
                Assert.NotEqual(0, errno);
                return;
            }

            // On loopback the refusal normally arrives asynchronously, as writability with SO_ERROR set.
            var handler = new RecordingHandler("c");
            client.Handler = handler;
            client.SetInterest(false, true);
            Loopback.PollUntil(network, () => handler.Writes > 0, "the refusal");
            var error = client.TakeSocketError();
            Assert.Equal(transport == "epoll" ? 111 : (int)SocketError.ConnectionRefused, error);
            client.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Listen_PortHeldWithoutReusePort_FailsWithCannotBindSocket(string transport)
    {
        var network = Loopback.Create(transport);
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            holder.Bind(Loopback.AnyPort);
            holder.Listen(1);
            var listener = network.Listen((IPEndPoint)holder.LocalEndPoint!, 8, out var error);
            Assert.Null(listener);
            Assert.Equal("cannot bind socket", error);
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Listen_SameAddressTwice_BothBindThanksToReusePort(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var first = network.Listen(Loopback.AnyPort, 8, out _)!;
            var second = network.Listen(first.LocalEndPoint, 8, out var error);
            Assert.Null(error);
            Assert.NotNull(second);
            Assert.Equal(first.LocalEndPoint, second.LocalEndPoint);
            first.Close();
            second.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Pair_IPv6Loopback_ConnectsAndReportsV6EndPoints(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var (listener, client, server) = Loopback.Pair(network, new IPEndPoint(IPAddress.IPv6Loopback, 0));
            Assert.Equal(IPAddress.IPv6Loopback, server.RemoteEndPoint.Address);
            Assert.Equal(client.LocalEndPoint.Port, server.RemoteEndPoint.Port);
            client.Close();
            server.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public void Connect_FromSourceAddress_ServerSeesThatSource(string transport)
    {
        var network = Loopback.Create(transport);
        try
        {
            var listener = network.Listen(Loopback.AnyPort, 8, out _)!;
            var source = new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0);
            var client = network.Connect(listener.LocalEndPoint, source, out var status, out _)!;
            Assert.Equal(ConnectStatus.InProgress, status);
            IConnection? server = null;
            listener.Handler = new RecordingHandler("l") { OnRead = () => server ??= listener.TryAccept(out _, out _) };
            listener.SetInterest(true);
            Loopback.PollUntil(network, () => server is not null, "the accept");
            Assert.Equal(IPAddress.Parse("127.0.0.2"), server!.RemoteEndPoint.Address);
            server.Close();
            client.Close();
            listener.Close();
        }
        finally
        {
            Loopback.Dispose(network);
        }
    }
}
