using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>What a rejected session logs under the other log options.</summary>
public partial class TcpInspectRequestTests
{
    private static EngineHarness Rejecting(string defaults, params SimClientAction[] actions)
    {
        var h = Build("tcp-request content reject if { src 127.0.0.1 }\ndefault_backend b", defaults, extra: "backend b\n    server b1 127.0.0.1:20003");
        h.AddClient(Fe, 0, actions, SimCloseMode.Close);
        h.Start();
        h.RunFor(500);
        return h;
    }

    [Fact]
    public void Reject_DefaultLogFormat_ConnectFromOnly()
    {
        var h = Rejecting(string.Empty);

        Assert.Equal(["Connect from 127.0.0.1:40001 to 127.0.0.1:10001 (fe/TCP)"], h.Log.Messages.Where(m => !m.StartsWith("Proxy ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reject_DontLogNullWithoutData_NoLine()
    {
        var h = Rejecting("option tcplog\noption dontlognull");

        Assert.Empty(SessionLines(h));
        Assert.Equal(1, Frontend(h).DeniedReq);
    }

    [Fact]
    public void Reject_LogAsap_LoggedAtTheEndWithMarks()
    {
        var h = Rejecting("option tcplog\noption logasap");

        // Never connected, so the logasap line comes at the end, with its '+' marks; backend still the frontend.
        Assert.Equal("fe fe/<NOSRV> -1/-1/+0 +0 PR 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
    }

    [Fact]
    public void Reject_FrontendWithDefaultBackend_LogsTheFrontendAsBackend()
    {
        var h = Rejecting("option tcplog");

        Assert.Equal("fe fe/<NOSRV> -1/-1/0 0 PR 0/0/0/0/0 0/0", Tail(Assert.Single(SessionLines(h))));
        Assert.Equal(0, h.Loop.Proxies.Find(p => p.Name == "b")!.CumBeConn);
    }
}
