using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Which descriptor each line shows: never-connected server sides, retries, refusals, several listeners.</summary>
public partial class DebugTraceTests
{
    [Fact]
    public void QueuedSession_QueueTimeoutExpires_ClosedWithServerFdFfffAndNoSrvcls()
    {
        var (h, p, d) = Build(queue: 1000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        var t0 = h.ElapsedMs;
        h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(5000)]);
        h.AddClient(Fe, 10, [new SimClientAction.HoldUntil(5000)]);

        h.RunUntilMs(t0 + 10 + 999);
        Assert.Equal(2, d.Lines.Count);
        h.RunUntilMs(t0 + 10 + 1000);

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000001:l.accept(0004)=0007 from [127.0.0.1:40002]\n",
                "00000001:l.clicls[0007:ffff]\n",
                "00000001:l.closed[0007:ffff]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void NoServerAvailable_NeverConnected_ServerFdFfff()
    {
        var (h, p, d) = Build();
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.State = ServerState.None; // DOWN
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Send([1])], SimCloseMode.Wait);

        h.RunFor(100);

        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:ffff]\n",
                "00000000:l.closed[0005:ffff]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void RetriedConnect_AnotherSocketTookTheFirstNumber_ClosedShowsNewestAttempt()
    {
        var (h, p, d) = Build(retries: 1);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)]);
        h.AddClient(Fe, 500, [new SimClientAction.HoldUntil(5000)]);

        h.RunFor(1100);

        // Session 0: fd 6 for its first attempt (refused, closed); session 1 is accepted on 6 and tries on 7
        // (closed too); session 0's retry at 1000 ms gets the lowest free number, 7, and gives up.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000001:l.accept(0004)=0006 from [127.0.0.1:40002]\n",
                "00000000:l.clicls[0005:0007]\n",
                "00000000:l.closed[0005:0007]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void ConnectRefusedSynchronously_ClosedShowsTheNumberSocketGave()
    {
        var (h, p, d) = Build(retries: 0);
        h.AddServer(p, "s1", Be1, SimServerKind.RefuseSync);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)]);

        h.RunFor(100);

        // 1.4 sets si->fd from socket() before connect() fails, and never resets it.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void ClientAbortsWhileConnecting_NoSrvclsServerFdOfTheConnectingSocket()
    {
        var (h, p, d) = Build();
        h.AddServer(p, "s1", Be1, SimServerKind.Blackhole);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(300)], SimCloseMode.Close);

        h.RunFor(1000);

        // The server side never reached EST: only the client side reports its close.
        Assert.Equal(
            [
                "00000000:l.accept(0004)=0005 from [127.0.0.1:40001]\n",
                "00000000:l.clicls[0005:0006]\n",
                "00000000:l.closed[0005:0006]\n",
            ],
            d.Lines);
    }

    [Fact]
    public void TwoListeners_ClientOnTheSecond_AcceptShowsThatListenersFd()
    {
        var (h, p, d) = Build();
        p.Listeners.Add(new Listener(p, EngineHarness.Ep(Fe + 1)));
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe + 1, 0, EchoOnce, SimCloseMode.Graceful);

        Assert.True(h.RunUntil(() => c.Done && h.Loop.ActConn == 0, 5000));

        Assert.Equal([4, 5], p.Listeners.Select(l => l.Fd));
        Assert.Equal("00000000:l.accept(0005)=0006 from [127.0.0.1:40001]\n", d.Lines[0]);
        Assert.Equal("00000000:l.closed[0006:0007]\n", d.Lines[^1]);
    }
}
