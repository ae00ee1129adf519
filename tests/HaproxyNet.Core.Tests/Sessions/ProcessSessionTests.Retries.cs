using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Retries after refused connects (1 s turn-around) and redispatch on the last retry.</summary>
public partial class ProcessSessionTests
{
    [Fact]
    public void Retry_RefusedServer_WaitsOneSecondBetweenAttempts()
    {
        var (h, p) = Listen(ProxyOptions.None, retries: 2);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.Start();
        var a = AcceptClient(h, Hold(10_000));

        h.RunUntilMs(a + 1999);
        Assert.Empty(SessionLines(h));
        h.RunUntilMs(a + 2000);

        Assert.Equal("0/-1/2000 0 SC 0/0/0/0/2 0/0", Tail(Assert.Single(SessionLines(h))));
        var attempts = h.Trace!.Entries.Where(e => e.Message.StartsWith("connect attempt", StringComparison.Ordinal)).Select(e => e.Ms - a).ToList();
        Assert.Equal([0L, 1000L, 2000L], attempts);
        Assert.Equal(1, p.Servers[0].FailedConns);
        Assert.Equal(2, p.Retries);
    }

    [Fact]
    public void Retry_SynchronousRefusal_RetriesAtOnce()
    {
        var (h, p) = Listen(ProxyOptions.None, retries: 3);
        h.AddServer(p, "s1", Be1, SimServerKind.RefuseSync);
        h.Start();
        AcceptClient(h, Hold(10_000));
        h.RunFor(10);

        // connect() itself failed: CER without the ERR flag, no turn-around.
        Assert.Equal("0/-1/0 0 SC 0/0/0/0/3 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Redispatch_LastRetry_GoesToAnotherServerAndCountsInTw()
    {
        var (h, p) = Listen(ProxyOptions.Redispatch, retries: 3);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.AddServer(p, "s2", Be2, SimServerKind.Echo);
        h.Start();
        var a = AcceptClient(h, new SimClientAction.Send([7]), new SimClientAction.Recv(1));

        h.RunUntilMs(a + 10_000);

        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/s2", Server(line));
        Assert.Equal("3000/0/3000 1 -- 0/0/0/0/+3 0/0", Tail(line));
        Assert.Equal(1, p.Redispatches);
        Assert.Contains(h.Trace!.Entries, e => e.Message == "redispatch from s1 to s2");
    }

    [Fact]
    public void Redispatch_OptionOff_StaysOnTheRefusingServer()
    {
        var (h, p) = Listen(ProxyOptions.None, retries: 3);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.AddServer(p, "s2", Be2, SimServerKind.Echo);
        h.Start();
        var a = AcceptClient(h, new SimClientAction.Send([7]), new SimClientAction.Recv(1));

        h.RunUntilMs(a + 10_000);

        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/s1", Server(line));
        Assert.Equal("0/-1/3000 0 SC 0/0/0/0/3 0/0", Tail(line));
    }

    [Fact]
    public void NoUsableServer_Nosrv_LoggedAtOnce()
    {
        var (h, p) = Listen(ProxyOptions.None);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.State = ServerState.None; // DOWN
        h.Start();
        AcceptClient(h, Hold(10_000));
        h.RunFor(10);

        var line = Assert.Single(SessionLines(h));
        Assert.Equal("t/<NOSRV>", Server(line));
        Assert.Equal("-1/-1/0 0 SC 0/0/0/0/0 0/0", Tail(line));
    }

    [Fact]
    public void BackupServer_ActiveDown_UsesFirstBackup()
    {
        var (h, p) = Listen(ProxyOptions.None);
        var s1 = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s1.State = ServerState.None;
        var b1 = h.AddServer(p, "b1", Be2, SimServerKind.Echo);
        b1.State = ServerState.Running | ServerState.Backup;
        h.Start();
        AcceptClient(h, new SimClientAction.Send([1]), new SimClientAction.Recv(1));
        h.RunFor(100);

        Assert.Equal("t/b1", Server(Assert.Single(SessionLines(h))));
    }
}
