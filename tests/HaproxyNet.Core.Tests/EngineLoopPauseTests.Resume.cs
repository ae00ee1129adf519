using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests;

/// <summary>SIGTTIN listen_proxies: listen again, RUN or IDLE by the limits, busy port.</summary>
public partial class EngineLoopPauseTests
{
    [Fact]
    public void ResumeProxies_Paused_ListensAgainAndAccepts()
    {
        var (h, p) = Start();
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(10);

        h.Loop.RaiseSignal(EngineSignal.Resume);
        h.RunFor(1);
        var c = h.AddClient(Fe, 0, Echo1);
        h.RunUntil(() => c.Done, 1000);

        Assert.Equal(ProxyState.Run, p.State);
        Assert.True(Sock(p).Listening);
        Assert.True(Sock(p).WantRead);
        Assert.Equal(ListenerState.Ready, p.Listeners[0].State);
        Assert.False(c.Refused);
        Assert.Equal(1, c.BytesReceived);
        Assert.Equal("[WARNING] Pausing proxy t.\n[WARNING] Enabling proxy t.\n", _stderr.Text);
        Assert.Equal(["Proxy t started.", "Pausing proxy t.", "Enabling proxy t."], h.Log.Messages.Take(3));
        Assert.Equal(132, h.Log.Entries[2].Pri);
    }

    [Theory]
    [InlineData(1, ProxyState.Idle)] // feconn (1) reached maxconn: wait for maintain_proxies
    [InlineData(2, ProxyState.Run)] // one slot left
    public void ResumeProxies_FrontendConnections_RunOnlyBelowMaxconn(int feMaxconn, ProxyState expected)
    {
        var (h, p) = Start(feMaxconn: feMaxconn);
        h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(500)]);
        h.RunFor(100);
        h.Loop.PauseProxies();

        h.Loop.ResumeProxies();

        Assert.Equal(expected, p.State);
        Assert.True(Sock(p).Listening); // listening either way: new clients wait in the backlog
        Assert.Equal(expected == ProxyState.Run, Sock(p).WantRead);
    }

    [Fact]
    public void ResumeProxies_GlobalMaxconnReached_IdleThenRunWhenTheSessionEnds()
    {
        var (h, p) = Start(globalMaxconn: 1);
        var held = h.AddClient(Fe, 0, [new SimClientAction.HoldUntil(500)]);
        h.RunFor(100);
        h.Loop.RaiseSignal(EngineSignal.Pause);
        h.RunFor(100);
        h.Loop.RaiseSignal(EngineSignal.Resume);
        h.RunFor(1);
        var waiting = h.AddClient(Fe, 0, Echo1);
        h.RunFor(50);

        Assert.Equal(ProxyState.Idle, p.State);
        Assert.Equal(1, Sock(p).Pending); // queued by the kernel, not accepted yet
        Assert.False(waiting.Done);

        h.RunUntil(() => waiting.Done, 5000);

        Assert.True(held.Done);
        Assert.False(waiting.Refused);
        Assert.Equal(1, waiting.BytesReceived);
        Assert.Equal(ProxyState.Run, p.State);
    }

    [Fact]
    public void ResumeProxies_PortBusy_BusyLineAndProxyEndsInError()
    {
        var (h, p) = Start();
        h.Loop.PauseProxies();
        Sock(p).FailResume = true;

        h.Loop.RaiseSignal(EngineSignal.Resume);
        h.RunFor(1);

        Assert.Equal(
            "[WARNING] Pausing proxy t.\n[WARNING] Enabling proxy t.\n" +
            "[WARNING] Port 10001 busy while trying to enable proxy t.\n",
            _stderr.Text);
        Assert.Equal("Port 10001 busy while trying to enable proxy t.", h.Log.Messages[^1]);
        Assert.Equal(132, h.Log.Entries[^1].Pri);

        // pause_proxy runs again on a socket that no longer listens: refused (ENOTCONN on Linux), so ERROR.
        Assert.Equal(2, Sock(p).PauseCalls);
        Assert.Equal(ProxyState.Error, p.State);
        Assert.False(h.Loop.Stopping); // no soft stop from listen_proxies
        var c = h.AddClient(Fe, 0, Echo1);
        h.RunFor(10);
        Assert.True(c.Refused);

        // An ERROR proxy is left alone by SIGTTOU and SIGTTIN; SIGUSR1 stops it.
        Sock(p).FailResume = false;
        h.Loop.ResumeProxies();
        h.Loop.PauseProxies();
        Assert.Equal(1, Sock(p).ResumeCalls);
        h.SoftStopAndDrain(1000);
        Assert.Equal(ProxyState.Stopped, p.State);
        Assert.True(h.Loop.Exited);
    }

    [Fact]
    public void ResumeProxies_SecondListenerBusy_FirstOnePausedAgain()
    {
        var (h, p) = Start();
        var second = new Listener(p, EngineHarness.Ep(Fe + 1));
        p.Listeners.Add(second);
        p.State = ProxyState.New;
        h.Loop.StartProxies();
        h.Loop.RunOnce();
        h.Loop.PauseProxies();
        Sock(p, 1).FailResume = true;

        h.Loop.ResumeProxies();

        Assert.EndsWith("[WARNING] Port 10002 busy while trying to enable proxy t.\n", _stderr.Text, StringComparison.Ordinal);
        Assert.False(Sock(p, 0).Listening); // resumed, then paused again
        Assert.False(Sock(p, 0).WantRead);
        Assert.Equal(2, Sock(p, 0).PauseCalls);
        Assert.Equal(ListenerState.Listen, p.Listeners[0].State);
        Assert.Equal(ProxyState.Error, p.State);
    }
}
