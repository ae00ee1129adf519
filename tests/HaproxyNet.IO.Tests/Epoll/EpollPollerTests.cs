using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;

namespace HaproxyNet.IO.Tests.Epoll;

/// <summary>What is specific to the epoll transport: speculative I/O and one epoll_ctl per socket.</summary>
public sealed class EpollPollerTests
{
    [Fact]
    public void Name_IsEpoll()
    {
        using var network = new EpollNetwork();
        Assert.Equal("epoll", network.Poller.Name);
    }

    [Fact]
    public void AcceptedSocket_UntilFirstEagain_IsTriedSpeculativelyWithoutEpollRegistration()
    {
        using var network = new EpollNetwork();
        var poller = (EpollPoller)network.Poller;
        var (listener, client, server) = Loopback.Pair(network);

        // Registered so far: the listener only. The connecting client was tried speculatively (its connect
        // confirmed by connect() itself) and the accepted socket has not met EAGAIN yet.
        Assert.Equal(1, poller.RegisteredCount);

        client.Send("x"u8, out _);
        var handler = new RecordingHandler("s");
        server.Handler = handler;
        server.SetInterest(true, false);
        Assert.Equal(1, poller.PendingCount);
        network.Poller.Poll(0);
        Assert.Equal(1, handler.Reads);
        Assert.Equal(1, poller.RegisteredCount);

        server.Receive(new byte[8], out var first);
        Assert.Equal(IoStatus.Ok, first);
        server.Receive(new byte[8], out var second);
        Assert.Equal(IoStatus.WouldBlock, second);
        Assert.Equal(2, poller.RegisteredCount);

        client.Close();
        server.Close();
        listener.Close();
        Assert.Equal(0, poller.RegisteredCount);
    }

    [Fact]
    public void SetInterest_Toggled_NeverRegistersTwice()
    {
        using var network = new EpollNetwork();
        var poller = (EpollPoller)network.Poller;
        var (listener, client, server) = Loopback.Pair(network);
        server.Receive(new byte[8], out _);
        var registered = poller.RegisteredCount;
        for (var i = 0; i < 10; i++)
        {
            server.SetInterest(i % 2 == 0, i % 3 == 0);
            network.Poller.Poll(0);
        }

        Assert.Equal(registered, poller.RegisteredCount);
        client.Close();
        server.Close();
        listener.Close();
    }

    [Fact]
    public void DataArrivingAfterEagain_WakesTheRegisteredSocket()
    {
        using var network = new EpollNetwork();
        var (listener, client, server) = Loopback.Pair(network);
        server.Receive(new byte[8], out var drained);
        Assert.Equal(IoStatus.WouldBlock, drained);
        var handler = new RecordingHandler("s");
        server.Handler = handler;
        server.SetInterest(true, false);
        network.Poller.Poll(0);
        Assert.Equal(0, handler.Reads);

        client.Send("late"u8, out _);
        Loopback.PollUntil(network, () => handler.Reads > 0, "the edge");
        Assert.Equal(4, server.Receive(new byte[8], out var status));
        Assert.Equal(IoStatus.Ok, status);
        client.Close();
        server.Close();
        listener.Close();
    }

    [Fact]
    public void ClosedFdNumber_ReusedByNextSocket_KeepsItsOwnHandler()
    {
        using var network = new EpollNetwork();
        var (listener, client, server) = Loopback.Pair(network);
        var oldFd = server.Fd;
        var oldHandler = new RecordingHandler("old");
        server.Handler = oldHandler;
        server.SetInterest(true, true);
        server.Close();
        Assert.Equal(-1, server.Fd);

        // The next socket gets the lowest free number, i.e. the one just released.
        var again = network.Connect(listener.LocalEndPoint, null, out _, out _)!;
        Assert.Equal(oldFd, again.Fd);
        var handler = new RecordingHandler("new");
        again.Handler = handler;
        again.SetInterest(false, true);
        Loopback.PollUntil(network, () => handler.Writes > 0, "the new connect");
        Assert.Equal(0, oldHandler.Reads + oldHandler.Writes);
        again.Close();
        client.Close();
        listener.Close();
    }

    [Fact]
    public void Poll_MoreReadySocketsThanEventSlots_DeliversAllOverSeveralPolls()
    {
        using var network = new EpollNetwork(maxEvents: 2);
        var pairs = new List<(IListenerSocket Listener, IConnection Client, IConnection Server)>();
        var reads = 0;
        for (var i = 0; i < 5; i++)
        {
            var pair = Loopback.Pair(network);
            pair.Server.Receive(new byte[8], out var drained);
            Assert.Equal(IoStatus.WouldBlock, drained); // registered in epoll from here on
            var server = pair.Server;
            server.Handler = new RecordingHandler("s" + i)
            {
                OnRead = () =>
                {
                    server.Receive(new byte[8], out _);
                    server.SetInterest(false, false);
                    reads++;
                },
            };
            server.SetInterest(true, false);
            pairs.Add(pair);
        }

        foreach (var pair in pairs)
        {
            pair.Client.Send("x"u8, out _);
        }

        Assert.True(network.Poller.Poll(1000) <= 2);
        Loopback.PollUntil(network, () => reads == 5, "all five sockets");
        foreach (var (listener, client, server) in pairs)
        {
            client.Close();
            server.Close();
            listener.Close();
        }
    }
}
