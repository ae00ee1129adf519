using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Each timeout, one millisecond before (nothing) and at (expired) its tick.</summary>
public partial class ProcessSessionTests
{
    [Fact]
    public void ConnectTimeout_BlackholeServer_ExpiresAtTimeoutNotBefore()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 1000, retries: 0);
        h.AddServer(p, "s1", Be1, SimServerKind.Blackhole);
        h.Start();
        var a = AcceptClient(h, Hold(10_000));

        h.RunUntilMs(a + 999);
        Assert.Empty(SessionLines(h));
        Assert.Equal(1, p.FeConn);

        h.RunUntilMs(a + 1000);
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/s1", Server(line));
        Assert.Equal("0/-1/1000 0 sC 0/0/0/0/0 0/0", Tail(line));
    }

    [Fact]
    public void ConnectTimeout_WithRetries_RetriesImmediatelyWithoutTurnAround()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 200, retries: 2);
        h.AddServer(p, "s1", Be1, SimServerKind.Blackhole);
        h.Start();
        var a = AcceptClient(h, Hold(10_000));

        h.RunUntilMs(a + 599);
        Assert.Empty(SessionLines(h));
        h.RunUntilMs(a + 1000);

        // (retries + 1) attempts x timeout connect, no 1 s turn-around after a timeout; each unbounded poll wait
        // adds 1.4's +1 ms rounding (the real 1.4.25 logs Tt 605 for this case).
        Assert.Equal("0/-1/603 0 sC 0/0/0/0/2 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void QueueTimeout_SaturatedServer_ExpiresAtTimeoutNotBefore()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 5000, queue: 1000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        AcceptClient(h, Hold(5000));
        var a2 = AcceptClient(h, Hold(5000));

        h.RunUntilMs(a2 + 999);
        Assert.Empty(SessionLines(h));
        Assert.Equal(1, p.NbPend);

        h.RunUntilMs(a2 + 1000);
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/<NOSRV>", Server(line));
        Assert.Equal("1000/-1/1000 0 sQ 1/1/1/0/0 0/1", Tail(line)); // srv_conn 0: no server assigned
        Assert.Equal(0, p.NbPend);
        Assert.Equal(0, p.TotPend);
    }

    [Fact]
    public void ClientTimeout_SilentClient_ExpiresAtTimeoutNotBefore()
    {
        var (h, p) = Listen(ProxyOptions.None, client: 1000, server: 5000);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var a = AcceptClient(h, Hold(10_000));

        h.RunUntilMs(a + 999);
        Assert.Empty(SessionLines(h));

        h.RunUntilMs(a + 1000);
        Assert.Equal("0/0/1000 0 cD 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void ClientTimeout_ClientSendsData_TimerRestartsOnRead()
    {
        var (h, p) = Listen(ProxyOptions.None, client: 1000, server: 5000);
        h.AddServer(p, "s1", Be1, SimServerKind.Hold);
        h.Start();
        var a = AcceptClient(h, new SimClientAction.Sleep(500), new SimClientAction.Send([1, 2, 3]), new SimClientAction.HoldUntil(10_000));

        h.RunUntilMs(a + 1499);
        Assert.Empty(SessionLines(h));

        // Read at 500 re-arms the client timer to 1500; the write to the server re-arms the server read timer to
        // 5500. The hold server never closes, so the session (already cD) ends when the server timer strikes.
        h.RunUntilMs(a + 5499);
        Assert.Empty(SessionLines(h));
        h.RunUntilMs(a + 5500);
        Assert.Equal("0/0/5500 0 cD 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void ServerTimeout_ServerNeverAnswers_ExpiresAtTimeoutNotBefore()
    {
        var (h, p) = Listen(ProxyOptions.None, client: 5000, server: 1000);
        h.AddServer(p, "s1", Be1, SimServerKind.Hold);
        h.Start();
        var a = AcceptClient(h, new SimClientAction.Send([1, 2, 3]), new SimClientAction.Recv(3));

        h.RunUntilMs(a + 999);
        Assert.Empty(SessionLines(h));

        h.RunUntilMs(a + 1000);
        Assert.Equal("0/0/1000 0 sD 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }
}
