using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>Rule order, polarity, default accept and the waits of WAIT_END, shutdowns and timeouts.</summary>
public partial class TcpInspectRequestTests
{
    private static (SimClient Remote, SimClient Local, EngineHarness H) RemoteAndLocal(string rules)
    {
        var h = Build(rules);
        Server(h);
        var remote = h.AddClientFrom(Remote, Fe, 0, [Send("ping\n"), new SimClientAction.Recv(5)]);
        var local = h.AddClient(Fe, 0, [Send("ping\n"), new SimClientAction.Recv(5)]);
        h.Start();
        h.RunFor(1000);
        return (remote, local, h);
    }

    [Fact]
    public void Inspect_UnlessPolarity_RejectsTheOthers()
    {
        var (remote, local, h) = RemoteAndLocal("tcp-request content reject unless { src 127.0.0.1 }");

        Assert.Equal(0, remote.BytesReceived);
        Assert.Equal(5, local.BytesReceived);
        Assert.Equal(1, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_IfPolarity_RejectsTheMatch()
    {
        var (remote, local, h) = RemoteAndLocal("tcp-request content reject if { src 127.0.0.1 }");

        Assert.Equal(5, remote.BytesReceived);
        Assert.Equal(0, local.BytesReceived);
        Assert.Equal(1, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_RuleOrder_FirstApplyingRuleWins()
    {
        var (remote, local, h) = RemoteAndLocal("""
            tcp-request content accept if { src 10.0.0.0/8 }
            tcp-request content reject
            """);

        Assert.Equal(5, remote.BytesReceived);
        Assert.Equal(0, local.BytesReceived);
        Assert.Equal(1, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_NoRuleApplies_AcceptsByDefault()
    {
        var (remote, local, h) = RemoteAndLocal("tcp-request content reject if { src 192.168.0.0/16 } || { dst_port 80 }");

        Assert.Equal(5, remote.BytesReceived);
        Assert.Equal(5, local.BytesReceived);
        Assert.Equal(0, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_DelayWithoutRules_ConnectsAtOnce()
    {
        var h = Build("tcp-request inspect-delay 5s");
        var srv = Server(h);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        h.Start();
        h.Settle();

        Assert.Equal(1, srv.Accepted);
    }

    [Fact]
    public void Inspect_WaitEnd_HoldsDataUntilTheDelay()
    {
        var h = Build("""
            tcp-request inspect-delay 500
            tcp-request content accept if WAIT_END
            """);
        var srv = Server(h);
        var c = h.AddClient(Fe, 0, [Send("hello"), new SimClientAction.Recv(5)]);
        h.Start();

        h.RunUntilMs(499);
        Assert.Equal(0, srv.Accepted);
        Assert.True(h.RunUntil(() => srv.Accepted > 0, 2000));
        Assert.Equal(501, h.ElapsedMs);
        h.RunFor(100);
        Assert.Equal(5, c.BytesReceived);
    }

    [Fact]
    public void Inspect_ClientShutsWhileWaiting_RulesDecideAtOnce()
    {
        var h = Build(ContentRules);
        Server(h);
        h.AddClient(Fe, 0, [new SimClientAction.Sleep(200), new SimClientAction.ShutdownWrite()]);
        h.Start();

        Assert.True(h.RunUntil(() => SessionLines(h).Count > 0, 5000));
        Assert.Equal("fe fe/<NOSRV> -1/-1/200 0 PR 0/0/0/0/0 0/0", Tail(SessionLines(h)[0]));
    }

    [Fact]
    public void Inspect_ClientTimeoutWhileWaiting_RejectRuleSetsPr()
    {
        var h = Build(ContentRules + "\ntimeout client 300");
        Server(h);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)], SimCloseMode.Close);
        h.Start();

        Assert.True(h.RunUntil(() => SessionLines(h).Count > 0, 5000));
        // The read timeout shuts the client side first, so the rules decide (reject) before the timeout is reported.
        Assert.Equal("fe fe/<NOSRV> -1/-1/301 0 PR 0/0/0/0/0 0/0", Tail(SessionLines(h)[0]));
    }

    [Fact]
    public void Inspect_ClientTimeoutWhileWaitingAndAccepted_LogsClientTimeoutInRequest()
    {
        var h = Build("""
            tcp-request inspect-delay 1s
            tcp-request content reject if { req_len gt 100 }
            timeout client 300
            """);
        Server(h);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(5000)], SimCloseMode.Close);
        h.Start();

        Assert.True(h.RunUntil(() => SessionLines(h).Count > 0, 5000));
        Assert.Equal("fe fe/<NOSRV> -1/-1/301 0 cR 0/0/0/0/0 0/0", Tail(SessionLines(h)[0]));
        Assert.Equal(0, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Inspect_FeSessRate_ReadsTheWholeAcceptBatch()
    {
        var h = Build("tcp-request content reject if { fe_sess_rate gt 2 }");
        Server(h);
        for (var i = 0; i < 3; i++)
        {
            h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        }

        h.Start();
        h.Settle();
        Assert.Equal(3, Frontend(h).DeniedReq); // all three accepted in one event_accept before any rule ran

        h.RunUntilMs(1600); // previous second (3) weighs (3 * ~(600 * 4294971)) >> 32 = 1, plus this one
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        h.RunFor(50);
        Assert.Equal(3, Frontend(h).DeniedReq);
    }
}
