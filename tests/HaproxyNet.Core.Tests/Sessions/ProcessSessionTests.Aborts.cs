using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Client aborts before the server connection exists, and logasap on sessions that never connect.</summary>
public partial class ProcessSessionTests
{
    [Fact]
    public void Abort_ClientClosesWhileConnecting_LoggedCC()
    {
        var (h, p) = Listen(ProxyOptions.None, connect: 5000);
        h.AddServer(p, "s1", Be1, SimServerKind.Blackhole);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(300)], SimCloseMode.Close);

        h.RunFor(1000);

        Assert.Equal("0/-1/300 0 CC 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    [Fact]
    public void Abort_ClientClosesDuringTurnAround_LoggedCC()
    {
        var (h, p) = Listen(ProxyOptions.None, retries: 3);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(1500)], SimCloseMode.Close);

        h.RunFor(3000);

        // Two refused attempts (0 and 1000 ms), then the client leaves while the session waits in TAR.
        Assert.Equal("0/-1/1500 0 CC 0/0/0/0/2 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void LogAsap_SessionNeverConnects_LoggedAtEndWithPlusMarks()
    {
        var (h, p) = Listen(ProxyOptions.LogAsap, retries: 0);
        h.AddServer(p, "s1", Be1, SimServerKind.Refuse);
        h.Start();
        AcceptClient(h, Hold(100));
        h.RunFor(200);

        Assert.Equal("0/-1/+0 +0 SC 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void LogAsap_Established_LoggedOnceWithSessionCounted()
    {
        var (h, p) = Listen(ProxyOptions.LogAsap);
        h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1, 2]), new SimClientAction.Recv(2), new SimClientAction.Sleep(500)]);

        h.RunUntil(() => c.Done, 2000);
        h.RunFor(10);

        Assert.Equal("0/0/+0 +0 -- 1/1/1/1/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Theory]
    [InlineData(false, "1000/0/1000 3 -- 0/0/0/0/0 0/1")]
    [InlineData(true, "300/-1/300 0 CQ 1/1/1/0/0 0/1")]
    public void Abort_HalfClosedWithDataWhileQueued_AbortsOnlyWithAbortOnClose(bool abortOnClose, string expected)
    {
        var (h, p) = Listen(abortOnClose ? ProxyOptions.AbortOnClose : ProxyOptions.None, connect: 60_000);
        var s = h.AddServer(p, "s1", Be1, SimServerKind.Echo);
        s.MaxConn = s.MinConn = 1;
        h.Start();
        AcceptClient(h, Hold(1000));

        // Sends a request, half-closes at 300 ms and waits for the answer (graceful close).
        h.AddClient(Fe, 0, [new SimClientAction.Send([1, 2, 3]), new SimClientAction.Sleep(300), new SimClientAction.ShutdownWrite()]);
        h.RunFor(3000);

        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        Assert.Equal(expected, Tail(lines[abortOnClose ? 0 : 1]));
    }
}
