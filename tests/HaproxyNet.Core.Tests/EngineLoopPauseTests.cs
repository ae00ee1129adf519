using System.Net;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests;

/// <summary>SIGTTOU pause_proxies / pause_proxy, in virtual time (SIGTTIN listen_proxies in the .Resume part).</summary>
public partial class EngineLoopPauseTests
{
    private const int Fe = 10001;
    private const int Be = 20001;

    /// <summary>Global loggers on local1 (pri = 136 + level), proxies on local0 (pri = 128 + level).</summary>
    private static readonly LogTarget Local1 = new(new IPEndPoint(IPAddress.Loopback, 514), null, 17);

    private static readonly SimClientAction[] Echo1 = [new SimClientAction.Send([1]), new SimClientAction.Recv(1)];

    private readonly RecordingDiagnosticSink _stderr = new(string.Empty);

    private static SimListenerSocket Sock(Proxy p, int i = 0) => (SimListenerSocket)p.Listeners[i].Socket!;

    private (EngineHarness H, Proxy P) Start(int feMaxconn = 2000, int globalMaxconn = 2000, int grace = 0)
    {
        var g = new GlobalSettings { MaxConn = globalMaxconn };
        g.Logs.Add(Local1);
        var h = new EngineHarness(g);
        var p = h.AddListen("t", Fe);
        p.MaxConn = feMaxconn;
        p.GraceMs = grace;
        p.Timeouts.Connect = p.Timeouts.Queue = 5000;
        p.Timeouts.Client = p.Timeouts.Server = 60_000;
        h.AddServer(p, "s1", Be, SimServerKind.Echo);
        h.Loop.Messages = _stderr;
        h.Start();
        return (h, p);
    }

    [Fact]
    public void PauseProxies_Running_ListenerLeavesListenAndConnectsAreRefused()
    {
        var (h, p) = Start();

        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);
        var c = h.AddClient(Fe, 0, Echo1);
        h.RunFor(10);

        Assert.Equal(ProxyState.Paused, p.State);
        Assert.False(Sock(p).Listening);
        Assert.False(Sock(p).WantRead);
        Assert.False(Sock(p).Closed); // the fd and its address are kept
        Assert.Equal(ListenerState.Listen, p.Listeners[0].State);
        Assert.True(c.Refused);
        Assert.Equal(0, h.Loop.TotalConn);
        Assert.Equal(1, h.Loop.ListenerCount);
        Assert.Equal("[WARNING] Pausing proxy t.\n", _stderr.Text);
        Assert.Equal("Pausing proxy t.", h.Log.Messages[^1]);
        Assert.Equal(132, h.Log.Entries[^1].Pri); // local0.warning
    }

    [Fact]
    public void PauseProxies_ClientsInBacklog_AreReset()
    {
        var (h, p) = Start(feMaxconn: 1);
        var held = h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(500)]);
        var queued = h.AddClient(Fe, 10, Echo1);
        h.RunFor(100);
        Assert.Equal(1, Sock(p).Pending);
        Assert.Equal(ListenerState.Full, p.Listeners[0].State);

        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);

        Assert.Equal(0, Sock(p).Pending);
        Assert.True(queued.Socket!.GotReset);
        Assert.False(held.Done); // an accepted session goes on
        Assert.Equal(1, h.Loop.TotalConn);
    }

    [Fact]
    public void PauseProxies_PauseRefused_FailureLinesThenSoftStop()
    {
        var (h, p) = Start(grace: 1000);
        Sock(p).FailPause = true;

        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);

        Assert.Equal(ProxyState.Error, p.State);
        Assert.True(h.Loop.Stopping);
        Assert.Equal(
            "[WARNING] Pausing proxy t.\n[WARNING] proxy t failed to enter pause mode.\n" +
            "[WARNING] Some proxies refused to pause, performing soft stop now.\n[WARNING] Stopping proxy t in 1000 ms.\n",
            _stderr.Text);
        Assert.Equal(
            ["Pausing proxy t.", "proxy t failed to enter pause mode.", "Some proxies refused to pause, performing soft stop now.", "Stopping proxy t in 1000 ms."],
            h.Log.Messages.Skip(1));
        Assert.Equal([132, 132, 140, 132], h.Log.Entries.Skip(1).Select(e => e.Pri)); // the third one to the global loggers

        // The listener that refused keeps accepting until the grace ends, as in 1.4.
        Assert.True(Sock(p).WantRead);
        var sock = Sock(p);
        var c = h.AddClient(Fe, 0, Echo1);
        h.RunUntil(() => c.Done, 500);
        Assert.False(c.Refused);

        h.RunUntil(() => h.Loop.Exited, 5000);
        Assert.True(sock.Closed);
        Assert.Equal(ProxyState.Stopped, p.State);
    }

    [Fact]
    public void PauseProxies_OneOfTwoRefuses_OtherPausedAndBothStopAfterGrace()
    {
        var g = new GlobalSettings();
        g.Logs.Add(Local1);
        var h = new EngineHarness(g);
        var a = h.AddListen("a", Fe);
        var b = h.AddListen("b", Fe + 1);
        h.AddServer(a, "s1", Be, SimServerKind.Echo);
        h.AddServer(b, "s1", Be + 1, SimServerKind.Echo);
        a.GraceMs = b.GraceMs = 100;
        h.Loop.Messages = _stderr;
        h.Start();
        Sock(b).FailPause = true;

        h.Loop.PauseProxies();

        Assert.Equal(ProxyState.Paused, a.State);
        Assert.Equal(ProxyState.Error, b.State);
        Assert.Equal(
            "[WARNING] Pausing proxy a.\n[WARNING] Pausing proxy b.\n[WARNING] proxy b failed to enter pause mode.\n" +
            "[WARNING] Some proxies refused to pause, performing soft stop now.\n" +
            "[WARNING] Stopping proxy a in 100 ms.\n[WARNING] Stopping proxy b in 100 ms.\n",
            _stderr.Text);

        h.RunFor(99);
        Assert.Equal(ProxyState.Paused, a.State);
        h.RunFor(2);
        Assert.Equal(ProxyState.Stopped, a.State);
        Assert.Equal(ProxyState.Stopped, b.State);
        Assert.Null(a.Listeners[0].Socket);
        Assert.Null(b.Listeners[0].Socket);
        Assert.Equal(0, h.Loop.ListenerCount);
        Assert.True(h.Loop.Exited);
    }

    [Fact]
    public void PauseProxies_RefusedDuringSoftStop_SoftStopStartsAgain()
    {
        var (h, p) = Start(grace: 1000);
        h.Loop.RaiseSignal(EngineSignal.SoftStop);
        h.RunFor(500);
        Sock(p).FailPause = true;

        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);

        // soft_stop() runs again from pause_proxies: new line, new stop date (now + grace).
        Assert.Equal(2, h.Log.Messages.Count(m => m == "Stopping proxy t in 1000 ms."));
        h.RunFor(998);
        Assert.Equal(ProxyState.Error, p.State); // 1499 ms: the first stop date (1000) no longer counts
        h.RunFor(2);
        Assert.Equal(ProxyState.Stopped, p.State);
    }

    [Fact]
    public void SoftStop_AfterRefusedPause_SignalStillHandledOnce()
    {
        var (h, p) = Start(grace: 1000);
        Sock(p).FailPause = true;
        h.Loop.PauseProxies();

        h.Loop.SoftStop(); // SIGUSR1 was never received: its handler runs
        h.Loop.SoftStop(); // the second SIGUSR1 is ignored

        Assert.Equal(2, h.Log.Messages.Count(m => m == "Stopping proxy t in 1000 ms."));
    }

    [Fact]
    public void PauseProxies_SkipsBackendsPausedAndStoppedProxies()
    {
        var g = new GlobalSettings();
        var h = new EngineHarness(g);
        var p = h.AddListen("t", Fe);
        var be = new Proxy("be") { Capabilities = ProxyCapabilities.Backend };
        be.Logs.Add(EngineHarness.Local0);
        h.Loop.Proxies.Add(be);
        h.Start();

        h.Loop.PauseProxies();
        h.Loop.PauseProxies(); // already paused: nothing

        Assert.Equal(1, Sock(p).PauseCalls);
        Assert.Equal(ProxyState.Run, be.State); // untouched
        Assert.Equal(["Proxy t started.", "Proxy be started.", "Pausing proxy t."], h.Log.Messages);

        h.Loop.ResumeProxies();
        h.Loop.ResumeProxies(); // not paused any more: nothing
        Assert.Equal(1, Sock(p).ResumeCalls);
        Assert.Equal(["Proxy t started.", "Proxy be started.", "Pausing proxy t.", "Enabling proxy t."], h.Log.Messages);
    }

    [Fact]
    public void SessionEnd_PausedWhileListenerFull_ListenerNotEnabledAgain()
    {
        var (h, p) = Start(feMaxconn: 1);
        var held = h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(200)]);
        h.RunFor(100);
        Assert.Equal(ListenerState.Full, p.Listeners[0].State);
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);

        h.RunUntil(() => held.Done, 1000);
        h.RunFor(100); // session end, then several maintain_proxies turns

        Assert.Equal(0, p.FeConn);
        Assert.Equal(ProxyState.Paused, p.State);
        Assert.Equal(ListenerState.Listen, p.Listeners[0].State);
        Assert.False(Sock(p).WantRead);
        var c = h.AddClient(Fe, 0, Echo1);
        h.RunFor(10);
        Assert.True(c.Refused);
    }

    [Fact]
    public void SoftStop_WhilePaused_StopsAndClosesTheSockets()
    {
        var (h, p) = Start();
        var held = h.AddClient(Fe, 0, [new SimClientAction.Send([1]), new SimClientAction.Recv(1), new SimClientAction.HoldUntil(300)]);
        h.RunFor(100);
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(1);

        h.Loop.RaiseSignal(EngineSignal.SoftStop);
        h.RunFor(1);

        Assert.Equal(ProxyState.Stopped, p.State);
        Assert.Null(p.Listeners[0].Socket);
        Assert.Equal(0, h.Loop.ListenerCount);
        Assert.Equal(["Pausing proxy t.", "Stopping proxy t in 0 ms.", "Proxy t stopped (FE: 1 conns, BE: 1 conns)."], h.Log.Messages.Skip(2).Take(3));
        Assert.False(h.Loop.Exited); // the paused proxy's session goes on

        h.RunUntil(() => h.Loop.Exited, 5000);
        Assert.Equal(0, h.Loop.ActConn);
        Assert.Equal(1, held.BytesReceived);
    }

    [Theory]
    [InlineData(ProxyCapabilities.Frontend, "frontend")]
    [InlineData(ProxyCapabilities.Listen, "proxy")]
    public void PauseProxies_KindWord_FromTheCapabilities(ProxyCapabilities caps, string kind)
    {
        var h = new EngineHarness();
        var p = h.AddListen("f", Fe);
        p.Capabilities = caps;
        h.Loop.Messages = _stderr;
        h.Start();
        Sock(p).FailPause = true;

        h.Loop.PauseProxies();

        Assert.Equal(
            $"[WARNING] Pausing {kind} f.\n[WARNING] {kind} f failed to enter pause mode.\n" +
            $"[WARNING] Some proxies refused to pause, performing soft stop now.\n[WARNING] Stopping {kind} f in 0 ms.\n",
            _stderr.Text);
    }

    [Fact]
    public void PauseProxy_FirstListenerRefuses_SecondPausedFirstStillPolled()
    {
        var (h, p) = Start(grace: 1000);
        p.Listeners.Add(new Listener(p, EngineHarness.Ep(Fe + 1)));
        p.State = ProxyState.New;
        h.Loop.StartProxies();
        h.Loop.RunOnce();
        Sock(p, 0).FailPause = true;

        h.Loop.PauseProxies();

        Assert.Equal(ProxyState.Error, p.State); // stays ERROR although a later listener succeeded
        Assert.True(Sock(p, 0).WantRead);
        Assert.Equal(ListenerState.Ready, p.Listeners[0].State);
        Assert.False(Sock(p, 1).Listening);
        Assert.False(Sock(p, 1).WantRead);
        Assert.Equal(ListenerState.Listen, p.Listeners[1].State);
        Assert.True(h.Loop.Stopping);
    }
}
