using HaproxyNet.Core.LoadBalancing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Queueing: FIFO order, positions logged, maxqueue, client abort while queued.</summary>
public partial class ProcessSessionTests
{
    [Fact]
    public void BackendQueue_SlotFreed_DequeuesInArrivalOrder()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 60_000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        SimClientAction[] shortSession = [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.Sleep(100)];
        h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(1000)]);
        h.AddClient(Fe, 10, shortSession);
        h.AddClient(Fe, 20, shortSession);
        h.AddClient(Fe, 30, shortSession);

        h.RunUntil(() => h.Network.FinishedClients == 4, 10_000);

        var lines = SessionLines(h);
        Assert.Equal(4, lines.Count);
        Assert.Equal("0/0/1000 1 -- 3/3/3/0/0 0/0", Tail(lines[0]));
        Assert.Equal("990/0/1090 1 -- 2/2/2/0/0 0/1", Tail(lines[1]));
        Assert.Equal("1080/0/1180 1 -- 1/1/1/0/0 0/2", Tail(lines[2]));
        Assert.Equal("1170/0/1270 1 -- 0/0/0/0/0 0/3", Tail(lines[3]));
        Assert.Equal(0, p.TotPend);
    }

    [Fact]
    public void ServerQueue_MaxqueueReached_RefusedWithSQ()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 60_000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        s.MaxQueue = 1;
        LoadBalancerFactory.Create(p, new LbSettings { Algorithm = LbAlgorithm.Source });
        h.Start();

        // Hashing ignores saturation: session 1 holds the slot, session 2 waits in the server's own queue,
        // session 3 finds that queue full.
        AcceptClient(h, Hold(5000));
        AcceptClient(h, Hold(5000));
        Assert.Equal(1, s.NbPend);
        Assert.Equal(0, p.NbPend);
        AcceptClient(h, Hold(5000));
        h.RunFor(10);

        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/s1", Server(line));
        Assert.Equal("-1/-1/0 0 SQ 2/2/2/1/0 0/0", Tail(line));
    }

    [Fact]
    public void Queue_ClientAbortsWhileQueued_LoggedCQ()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 60_000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        AcceptClient(h, Hold(5000));
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(300)], SimCloseMode.Close);

        h.RunFor(1000);

        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/<NOSRV>", Server(line));
        Assert.Equal("300/-1/300 0 CQ 1/1/1/0/0 0/1", Tail(line));
        Assert.Equal(0, p.NbPend);
    }
}
