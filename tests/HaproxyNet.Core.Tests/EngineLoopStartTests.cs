using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests;

/// <summary>start_proxies retries (-sf/-st) and the stderr side of the stop/pause/resume messages.</summary>
public class EngineLoopStartTests
{
    private const int Fe = 10011;

    [Fact]
    public void StartProxies_RetryAfterPortFreed_BindsOnlyTheFailedProxyLogsItStartedOnce()
    {
        var h = new EngineHarness();
        var first = h.AddListen("a", Fe);
        var second = h.AddListen("b", Fe); // same address: the second bind fails while the first holds it

        Assert.Equal(["Starting proxy b: cannot bind socket"], h.Loop.StartProxies());
        Assert.Equal(ProxyState.Error, second.State);
        Assert.Equal(1, h.Loop.ListenerCount);

        var held = first.Listeners[0].Socket!;
        held.Close(); // the "old process" lets the port go
        first.Listeners[0].Socket = null;
        first.Listeners[0].State = ListenerState.Init;

        Assert.Empty(h.Loop.StartProxies());
        Assert.Equal(ProxyState.Idle, second.State);
        Assert.NotNull(second.Listeners[0].Socket);
        Assert.Equal(["Proxy a started.", "Proxy b started."], h.Log.Messages);
    }

    [Fact]
    public void SoftStopAndPause_MessagesSet_WarningsOnStderrAsOnSyslog()
    {
        var h = new EngineHarness();
        h.AddListen("t", Fe);
        var stderr = new RecordingDiagnosticSink(string.Empty);
        h.Loop.Messages = stderr;
        h.Start();

        h.Loop.PauseProxies();
        h.Loop.ResumeProxies();
        h.Loop.SoftStop();
        h.RunUntilMs(10);

        Assert.Equal(
            "[WARNING] Pausing proxy t.\n[WARNING] Enabling proxy t.\n[WARNING] Stopping proxy t in 0 ms.\n" +
            "[WARNING] Proxy t stopped (FE: 0 conns, BE: 0 conns).\n",
            stderr.Text);
        Assert.Equal(["Proxy t started.", "Pausing proxy t.", "Enabling proxy t.", "Stopping proxy t in 0 ms.", "Proxy t stopped (FE: 0 conns, BE: 0 conns)."], h.Log.Messages);
    }

    [Fact]
    public void SoftStop_NoMessagesSink_SyslogOnly()
    {
        var h = new EngineHarness();
        h.AddListen("t", Fe);
        h.Start();

        h.Loop.SoftStop();
        h.RunUntilMs(10);

        Assert.Null(h.Loop.Messages);
        Assert.Contains("Proxy t stopped (FE: 0 conns, BE: 0 conns).", h.Log.Messages);
    }
}
