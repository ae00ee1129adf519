using System.Net;
using HaproxyNet.Core.Sessions;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Sessions.ConfigHarness;

namespace HaproxyNet.Core.Tests.Sessions;

/// <summary>event_accept admission: monitor-net (here) and rate-limit sessions (RateLimit partial).</summary>
public partial class EventAcceptTests
{
    private static SimClientAction[] Ping() => [Send("ping\n"), new SimClientAction.Recv(5)];

    [Fact]
    public void Accept_MonitorNetClientOnTcpFrontend_ClosedWithoutSessionWhileOthersAreServed()
    {
        var h = Build("monitor-net 10.0.0.0/8");
        var monitor = h.AddClientFrom(Remote, Fe, 0, Ping());
        var normal = h.AddClient(Fe, 0, Ping());
        h.Start();
        h.RunFor(2000);

        Assert.True(monitor.Done);
        Assert.Equal(0, monitor.BytesReceived);
        Assert.True(monitor.Socket!.Closed || monitor.Socket.PeerShutWrite || monitor.Socket.GotReset);
        Assert.Equal(5, normal.BytesReceived);
        var fe = Frontend(h);
        Assert.Equal(1, h.Loop.TotalConn);
        Assert.Equal(1, fe.CumFeConn);
        Assert.Equal(1u, fe.FeSessPerSec.CurrCtr);
        var lines = SessionLines(h);
        Assert.Single(lines);
        Assert.Contains("127.0.0.1:40002 [", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(h.Log.Messages, m => m.Contains("10.1.2.3", StringComparison.Ordinal));
    }

    [Fact]
    public void Accept_MonitorNetDefaultLogFormat_NoConnectFromLineForMonitor()
    {
        var h = Build("monitor-net 10.1.2.3", defaults: string.Empty);
        h.AddClientFrom(Remote, Fe, 0, Ping());
        h.AddClient(Fe, 0, Ping());
        h.Start();
        h.RunFor(2000);

        var connects = h.Log.Messages.Where(m => m.StartsWith("Connect from", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Connect from 127.0.0.1:40002 to 127.0.0.1:10001 (fe/TCP)"], connects);
    }

    [Theory]
    [InlineData("10.1.2.3/32", true)]
    [InlineData("10.1.2.0/24", true)]
    [InlineData("10.1.2.255/255.255.255.0", true)] // host bits are flushed at parse time
    [InlineData("10.1.3.0/24", false)]
    [InlineData("10.1.2.4", false)]
    [InlineData("0.0.0.0/0", false)] // a zero mask never matches in 1.4
    public void Accept_MonitorNetBoundaries_MatchAsOneFour(string net, bool isMonitor)
    {
        var h = Build("monitor-net " + net);
        var c = h.AddClientFrom(Remote, Fe, 0, Ping());
        h.Start();
        h.RunFor(2000);

        Assert.Equal(isMonitor ? 0 : 5, c.BytesReceived);
        Assert.Equal(isMonitor ? 0 : 1, h.Loop.TotalConn);
        Assert.Equal(isMonitor ? 0 : 1, SessionLines(h).Count);
    }

    [Fact]
    public void Accept_MonitorNetInheritedFromDefaults_Applies()
    {
        var h = Build(string.Empty, defaults: "option tcplog\nmonitor-net 10.0.0.0/8");
        var c = h.AddClientFrom(Remote, Fe, 0, Ping());
        h.Start();
        h.RunFor(2000);

        Assert.Equal(0, c.BytesReceived);
        Assert.Equal(0, h.Loop.TotalConn);
    }

    [Fact]
    public void Accept_MonitorNetOnHttpFrontend_SessionFlaggedAndAnsweredNotLogged()
    {
        var h = Build("mode http\nmonitor-net 10.0.0.0/8", defaults: string.Empty);
        var responder = new RecordingResponder();
        h.Loop.MonitorResponder = responder;
        h.AddClientFrom(Remote, Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        h.Start();
        h.RunFor(2000);

        var s = Assert.Single(responder.Sessions);
        Assert.True(s.Has(SessionFlags.Monitor));
        Assert.Equal(LogWait.None, s.Logs.LogWait);
        Assert.Equal(1, h.Loop.TotalConn);
        // Default format: "Connect from" is still sent at accept for a monitor session (LOGGING.md §2).
        Assert.Equal(["Connect from 10.1.2.3:40001 to 127.0.0.1:10001 (fe/HTTP)"], h.Log.Messages.Where(m => m.StartsWith("Connect", StringComparison.Ordinal)));
    }

    [Fact]
    public void Accept_MonitorNetOnHttpFrontendWithHttplog_NoSessionLine()
    {
        var h = Build("mode http\noption httplog\nmonitor-net 10.0.0.0/8", defaults: string.Empty);
        h.AddClientFrom(Remote, Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(100)], SimCloseMode.Close);
        h.Start();
        h.RunFor(2000);

        Assert.Equal(2, h.Loop.TotalConn);
        var line = Assert.Single(SessionLines(h));
        Assert.StartsWith("127.0.0.1:", line, StringComparison.Ordinal);
    }

    private sealed class RecordingResponder : IMonitorResponder
    {
        public List<Session> Sessions { get; } = [];

        public void Respond(Session session)
        {
            Sessions.Add(session);
            session.Si0.Connection?.Close(); // the real reply is HTTP's; here the client simply goes away
        }
    }
}
