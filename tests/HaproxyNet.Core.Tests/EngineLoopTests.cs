using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Time;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests;

/// <summary>run_poll_loop, maintain_proxies, listener limits, soft stop, pause and resume.</summary>
public class EngineLoopTests
{
    private const int Fe = 10001;
    private const int Be = 20001;

    private static (EngineHarness H, Proxy P) Listen(int feMaxconn = 2000, int globalMaxconn = 2000, int grace = 0)
    {
        var g = new GlobalSettings { MaxConn = globalMaxconn };
        g.Logs.Add(EngineHarness.Local0);
        var h = new EngineHarness(g);
        var p = h.AddListen("t", Fe);
        p.Options = ProxyOptions.TcpLog;
        p.MaxConn = feMaxconn;
        p.GraceMs = grace;
        p.Timeouts.Connect = p.Timeouts.Queue = 5000;
        p.Timeouts.Client = p.Timeouts.Server = 60_000;
        h.AddServer(p, "s1", Be, SimServerKind.Echo);
        return (h, p);
    }

    [Theory]
    [InlineData(Ticks.Eternity, 1000)]
    [InlineData(5, 6)]
    [InlineData(999, 1000)]
    [InlineData(5000, 1000)]
    [InlineData(0 - 1, 0)] // already expired
    public void ComputePollWait_NextTimer_RemainingPlusOneCappedAtOneSecond(int delta, int expected)
    {
        var h = new EngineHarness();
        var next = delta == Ticks.Eternity ? Ticks.Eternity : Ticks.Add(h.Loop.Clock.NowMs, delta);

        Assert.Equal(expected, h.Loop.ComputePollWait(next));
    }

    [Fact]
    public void StartProxies_AllBound_LogsStartedAndEnablesOnFirstTurn()
    {
        var (h, p) = Listen();
        h.Loop.StartProxies();
        Assert.Equal(ProxyState.Idle, p.State);
        Assert.Equal(ListenerState.Listen, p.Listeners[0].State);

        h.Loop.RunOnce();

        Assert.Equal(ProxyState.Run, p.State);
        Assert.Equal(ListenerState.Ready, p.Listeners[0].State);
        Assert.Equal(["Proxy t started."], h.Log.Messages);
        Assert.Equal(133, h.Log.Entries[0].Pri);
    }

    [Fact]
    public void FrontendMaxconn_Reached_ListenerFullUntilASessionEnds()
    {
        var (h, p) = Listen(feMaxconn: 2);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(500)]);
        h.AddClient(Fe, 10, [new SimClientAction.HoldUntil(1000)]);
        var third = h.AddClient(Fe, 20, [new SimClientAction.HoldUntil(100)]);
        h.RunFor(100);

        Assert.Equal(2, p.FeConn);
        Assert.Equal(ListenerState.Full, p.Listeners[0].State);
        Assert.Equal(ProxyState.Idle, p.State);
        Assert.Equal(1, ((SimListenerSocket)p.Listeners[0].Socket!).Pending); // waits in the backlog

        h.RunUntil(() => third.Done, 5000);

        // The third client was accepted when the first ended (500 ms), and held 100 ms from its own connect.
        var lines = h.Log.Messages.Where(m => m.Contains('[', StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(" 0/0/500 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" 0/0/0 ", lines[1], StringComparison.Ordinal); // its hold had already elapsed at accept
        Assert.Equal(ProxyState.Run, p.State);
    }

    [Fact]
    public void GlobalMaxconn_Reached_EveryListenerDisabled()
    {
        var (h, p) = Listen(globalMaxconn: 1);
        h.Start();
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(300)]);
        var second = h.AddClient(Fe, 10, [new SimClientAction.HoldUntil(50)]);
        h.RunFor(100);

        Assert.Equal(1, h.Loop.ActConn);
        Assert.Equal(ProxyState.Idle, p.State);
        Assert.False(((SimListenerSocket)p.Listeners[0].Socket!).WantRead);

        h.RunUntil(() => second.Done, 5000);
        Assert.Equal(2, h.Loop.TotalConn);
    }

    [Fact]
    public void SoftStop_Grace_StopsProxyAfterGraceAndExitsWhenIdle()
    {
        var (h, p) = Listen(grace: 1000);
        var stderr = new List<string>();
        h.Loop.Messages = new LineSink(stderr, []);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(3000)]);
        h.RunFor(100);
        h.Loop.RaiseSignal(EngineSignal.SoftStop);
        h.RunFor(999);

        Assert.Contains("Stopping proxy t in 1000 ms.", h.Log.Messages);
        Assert.Equal(ProxyState.Run, p.State); // still listening during the grace

        h.RunFor(2);
        Assert.Equal(ProxyState.Stopped, p.State);
        Assert.Equal("Proxy t stopped (FE: 1 conns, BE: 1 conns).", h.Log.Messages[^1]);
        Assert.False(h.Loop.Exited); // the established session goes on

        h.RunUntil(() => h.Loop.Exited, 10_000);
        Assert.True(c.ConnectedAtUs >= 0);
        Assert.Equal(0, h.Loop.ActConn);
        Assert.Contains(h.Log.Messages, m => m.Contains(" 0/0/3000 1 -- ", StringComparison.Ordinal));
        Assert.Contains(h.Log.Entries, e => e.Pri == 132 && e.Message.StartsWith("Stopping", StringComparison.Ordinal));
        Assert.Equal(["Stopping proxy t in 1000 ms.", "Proxy t stopped (FE: 1 conns, BE: 1 conns)."], stderr);
    }

    [Fact]
    public void PauseResume_Signals_RefuseThenAcceptAgain()
    {
        var (h, p) = Listen();
        h.Start();
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(10);
        var refused = h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1)]);
        h.RunFor(100);

        Assert.Equal(ProxyState.Paused, p.State);
        Assert.True(refused.Refused); // a paused socket is out of LISTEN: the connect gets a RST
        Assert.Equal(0, h.Loop.TotalConn);

        h.Loop.RaiseSignal(EngineSignal.Resume);
        h.RunFor(1);
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1)]);
        h.RunUntil(() => c.Done, 1000);

        Assert.Equal(1, h.Loop.TotalConn);
        Assert.False(c.Refused);
        Assert.Equal(["Proxy t started.", "Pausing proxy t.", "Enabling proxy t."], h.Log.Messages.Take(3));
    }

    [Fact]
    public void DumpState_Sighup_LogsServersAndSummaryPerProxy()
    {
        var (h, p) = Listen();
        var b = h.AddServer(p, "b1", 20002, SimServerKind.Echo);
        b.State |= ServerState.Backup;
        var fe = h.AddListen("f", 10002);
        h.Start();
        var c = h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(1000)]);
        h.RunFor(100);
        var stderr = new List<string>();
        h.Loop.Messages = new LineSink(stderr, []);

        h.Loop.RaiseSignal(EngineSignal.DumpState);
        h.RunFor(1);

        var dump = h.Log.Entries.Where(e => e.Message.StartsWith("SIGHUP", StringComparison.Ordinal)).ToList();
        Assert.All(dump, e => Assert.Equal(133, e.Pri));
        Assert.Equal(
            [
                "SIGHUP received, dumping servers states for proxy t.",
                "SIGHUP: Server t/s1 is UP. Conn: 1 act, 0 pend, 1 tot.",
                "SIGHUP: Server t/b1 is UP. Conn: 0 act, 0 pend, 0 tot.",
                "SIGHUP: Proxy t has 1 active servers and 1 backup servers available. Conn: act(FE+BE): 1+1, 0 pend (0 unass), tot(FE+BE): 1+1.",
                "SIGHUP received, dumping servers states for proxy f.",
                "SIGHUP: Proxy f has no servers. Conn: act(FE+BE): 0+0, 0 pend (0 unass), tot(FE+BE): 0+0.",
            ],
            dump.Select(e => e.Message.TrimEnd('\n')));
        Assert.Equal(5, stderr.Count);
        Assert.Equal("SIGHUP received, dumping servers states.", stderr[0]);
        Assert.False(c.Done);
        Assert.Same(fe, h.Loop.Proxies[1]);
    }

    [Fact]
    public void RunOnce_NoSessionAndNoListener_ExitsLikeRunPollLoop()
    {
        var h = new EngineHarness();
        h.Loop.Proxies.Add(new Proxy("b") { Capabilities = ProxyCapabilities.Backend });
        h.Loop.StartProxies();

        Assert.False(h.Loop.RunOnce());
        Assert.True(h.Loop.Exited);
    }

    [Fact]
    public void SetBackendDown_ListenAndBackend_EmergLineWithTypeWord()
    {
        var (h, p) = Listen();
        var b = new Proxy("be_warm") { Capabilities = ProxyCapabilities.Backend };
        b.Logs.Add(EngineHarness.Local0);
        h.Loop.Proxies.Add(b);
        var alerts = new List<string>();
        h.Loop.Messages = new LineSink([], alerts);

        h.Loop.SetBackendDown(p);
        h.Loop.SetBackendDown(b);

        Assert.Equal(["proxy t has no server available!", "backend be_warm has no server available!"], h.Log.Messages);
        Assert.All(h.Log.Entries, e => Assert.Equal(128, e.Pri));
        Assert.Equal(["proxy 't' has no server available!", "backend 'be_warm' has no server available!"], alerts);
        Assert.Equal(1, b.DownTransitions);
    }

    /// <summary>Collects the loop's stderr texts one line each, without their newline.</summary>
    private sealed class LineSink(List<string> warnings, List<string> alerts) : HaproxyNet.Config.Environment.IDiagnosticSink
    {
        public void Alert(string text) => alerts.Add(text.TrimEnd('\n'));

        public void Warning(string text) => warnings.Add(text.TrimEnd('\n'));
    }
}
