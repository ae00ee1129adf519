using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Handover;

namespace HaproxyNet.IO.Tests.Handover;

/// <summary>
/// Listening sockets passed over <c>@haproxynet-&lt;pid&gt;</c> with SCM_RIGHTS and adopted by a second network
/// (real loopback sockets; the test process plays both the old and the new proxy).
/// </summary>
[Collection("Handover")] // one abstract name per process: the tests take turns
public sealed class ListenerHandoverTests
{
    private static readonly ListenerOptions Plain = default;

    [Fact]
    public void Receive_OldNetworkServing_NewNetworkAdoptsTheSameSocketWithoutBinding()
    {
        var port = FreePort();
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        using var oldNetwork = new EpollNetwork { Handover = new ListenerHandover() };
        var old = oldNetwork.Listen(endPoint, 64, Plain, out _, out _)!;

        var received = ServeOnce(oldNetwork.Handover!);
        Assert.NotNull(received);
        var (fd, key) = Assert.Single(received);
        Assert.Equal(ListenerHandover.Key(endPoint, Plain), key);

        var table = new ListenerHandover();
        table.AddInherited(fd, key);
        using var newNetwork = new EpollNetwork { Handover = table };
        var adopted = newNetwork.Listen(endPoint, 64, Plain, out var message, out _);

        Assert.NotNull(adopted);
        Assert.Null(message);
        Assert.Equal(1, table.AdoptedCount);
        Assert.Equal(Inode(old.Fd), Inode(adopted.Fd)); // one socket, one accept queue

        // A client queued while both hold it is still accepted after the old one closes its descriptor.
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(endPoint);
        old.Close();
        Assert.NotNull(AcceptWithin(adopted, TimeSpan.FromSeconds(5)));
        adopted.Close();
    }

    [Fact]
    public void Listen_InheritedWithOtherOptions_BindsAFreshSocket()
    {
        var port = FreePort();
        var endPoint = new IPEndPoint(IPAddress.Loopback, port);
        using var oldNetwork = new EpollNetwork { Handover = new ListenerHandover() };
        var old = oldNetwork.Listen(endPoint, 64, Plain, out _, out _)!;
        var received = ServeOnce(oldNetwork.Handover!)!;

        var table = new ListenerHandover();
        foreach (var (fd, key) in received)
        {
            table.AddInherited(fd, key);
        }

        using var newNetwork = new EpollNetwork { Handover = table };
        var noLinger = new ListenerOptions { NoLinger = true };
        var fresh = newNetwork.Listen(endPoint, 64, noLinger, out _, out _);

        Assert.NotNull(fresh); // SO_REUSEPORT next to the old one
        Assert.Equal(0, table.AdoptedCount);
        Assert.NotEqual(Inode(old.Fd), Inode(fresh.Fd));
        Assert.Equal(1, table.CloseUnadopted());
        fresh.Close();
        old.Close();
    }

    [Fact]
    public void Listen_InheritedSocketPaused_NotAdopted()
    {
        var endPoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        using var oldNetwork = new EpollNetwork { Handover = new ListenerHandover() };
        var old = oldNetwork.Listen(endPoint, 64, Plain, out _, out _)!;
        var received = ServeOnce(oldNetwork.Handover!)!;
        Assert.True(old.Pause()); // SIGTTOU: the socket left LISTEN

        var table = new ListenerHandover();
        table.AddInherited(received[0].Fd, received[0].Key);
        using var newNetwork = new EpollNetwork { Handover = table };
        var fresh = newNetwork.Listen(endPoint, 64, Plain, out _, out _);

        Assert.NotNull(fresh);
        Assert.Equal(0, table.AdoptedCount);
        Assert.Equal(0, table.PendingCount); // taken, found paused, closed
        fresh.Close();
        old.Close();
    }

    [Fact]
    public void Receive_NobodyServesThatPid_Null()
    {
        Assert.Null(HandoverSocket.Receive(int.MaxValue - 7, timeoutSeconds: 1));
    }

    /// <summary>Serves <paramref name="table"/>'s listeners once on this process's name and receives them.</summary>
    private static List<(int Fd, string Key)>? ServeOnce(ListenerHandover table)
    {
        var listenFd = HandoverSocket.Listen(Environment.ProcessId, out var errno);
        Assert.True(listenFd >= 0, "abstract name taken, errno " + errno);
        var listeners = table.OpenListeners();
        var server = Task.Run(() =>
        {
            var connection = HandoverSocket.Accept(listenFd, out var uid);
            Assert.True(HandoverSocket.MayReceive(uid));
            return HandoverSocket.Send(connection, listeners);
        });
        try
        {
            return HandoverSocket.Receive(Environment.ProcessId);
        }
        finally
        {
            Assert.True(server.Wait(TimeSpan.FromSeconds(5)) && server.Result);
            HandoverSocket.Stop(listenFd);
        }
    }

    private static IConnection? AcceptWithin(IListenerSocket listener, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (listener.TryAccept(out _, out _) is { } connection)
            {
                return connection;
            }

            Thread.Sleep(10);
        }

        return null;
    }

    private static string Inode(int fd) => new FileInfo("/proc/self/fd/" + fd.ToString(System.Globalization.CultureInfo.InvariantCulture)).LinkTarget!;

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
