using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>tcp_inspect_request on the simulated network: inspect-delay, MISS waits, accept/reject and the log.</summary>
public partial class TcpInspectRequestTests
{
    private const string ContentRules = """
        tcp-request inspect-delay 1s
        acl content req_len gt 0
        tcp-request content accept if content
        tcp-request content reject
        """;

    private static SimServer Server(EngineHarness h) => h.Network.AddServer(EngineHarness.Ep(Srv), SimServerKind.Echo);

    /// <summary>"Tw/Tc/Tt bytes flags ..." of the single tcplog line, after the date.</summary>
    private static string Tail(string line) => line[(line.IndexOf("] ", StringComparison.Ordinal) + 2)..];

    [Fact]
    public void Inspect_AcceptOnReqLen_ConnectsOnlyOnceDataArrived()
    {
        var h = Build(ContentRules);
        var srv = Server(h);
        var c = h.AddClient(Fe, 0, [new SimClientAction.Sleep(200), Send("hello"), new SimClientAction.Recv(5)]);
        h.Start();

        h.RunUntilMs(199);
        Assert.Equal(0, srv.Accepted);
        Assert.Empty(SessionLines(h));

        h.RunUntilMs(2000);
        Assert.Equal(1, srv.Accepted);
        Assert.Equal(5, c.BytesReceived);
        Assert.Equal("fe fe/s1 200/0/200 5 -- 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Inspect_DelayExpiresWithoutData_RejectsWithPrLine()
    {
        var h = Build(ContentRules);
        var srv = Server(h);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)], SimCloseMode.Close);
        h.Start();

        h.RunUntilMs(999);
        Assert.Empty(SessionLines(h));

        // analyse_exp = 1000; the loop polls for "remaining + 1" ms, so the rules run again at 1001.
        Assert.True(h.RunUntil(() => SessionLines(h).Count > 0, 5000));
        var line = Assert.Single(SessionLines(h));
        Assert.Equal("fe fe/<NOSRV> -1/-1/1001 0 PR 0/0/0/0/0 0/0", Tail(line));
        Assert.Equal(0, srv.Accepted);
        Assert.Equal(1, Frontend(h).DeniedReq);
        Assert.Equal(0, h.Network.OpenEngineSockets);
    }

    [Fact]
    public void Inspect_RejectOnSrc_ClosesAtOnceWhileOthersAreServed()
    {
        var h = Build("tcp-request content reject if { src 10.0.0.0/8 }");
        var srv = Server(h);
        var remote = h.AddClientFrom(Remote, Fe, 0, [Send("ping\n"), new SimClientAction.Recv(5)]);
        var local = h.AddClient(Fe, 0, [Send("ping\n"), new SimClientAction.Recv(5)]);
        h.Start();
        h.RunFor(1000);

        Assert.Equal(0, remote.BytesReceived);
        Assert.True(remote.Done);
        Assert.Equal(5, local.BytesReceived);
        Assert.Equal(1, srv.Accepted);
        var lines = SessionLines(h);
        Assert.Equal(2, lines.Count);
        var rejected = Assert.Single(lines, l => l.StartsWith("10.1.2.3:", StringComparison.Ordinal));
        // bytes_read counts the response side: nothing was sent back. The local session is still alive (1/1).
        Assert.Equal("fe fe/<NOSRV> -1/-1/0 0 PR 1/1/0/0/0 0/0", Tail(rejected));
        var fe = Frontend(h);
        Assert.Equal(1, fe.DeniedReq);
        Assert.Equal(2, fe.CumFeConn);
    }
}
