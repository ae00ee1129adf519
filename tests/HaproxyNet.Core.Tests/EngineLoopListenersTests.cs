using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Config;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests;

/// <summary>start_proxies printing tcp_bind_listener's non-fatal reasons, and the listener options it passes.</summary>
public class EngineLoopListenersTests
{
    private const int Fe = 10021;

    [Theory]
    [InlineData(ListenSeverity.Warning, "[WARNING] Starting proxy t: cannot bind listener to device\n")]
    [InlineData(ListenSeverity.Alert, "[ALERT] Starting proxy t: cannot bind listener to device\n")]
    public void StartProxies_NonFatalReason_PrintedAndProxyStarted(ListenSeverity severity, string expected)
    {
        var h = new EngineHarness();
        var p = h.AddListen("t", Fe);
        var startup = new RecordingDiagnosticSink(string.Empty);
        h.Loop.StartupMessages = startup;
        h.Network.ListenMessages[EngineHarness.Ep(Fe)] = ("cannot bind listener to device", severity);

        Assert.Empty(h.Loop.StartProxies());

        Assert.Equal(expected, startup.Text);
        Assert.Equal(ProxyState.Idle, p.State);
        Assert.Equal(["Proxy t started."], h.Log.Messages);
    }

    [Fact]
    public void StartProxies_NotVerbose_ReasonKeptQuietProxyStarted()
    {
        var h = new EngineHarness();
        var p = h.AddListen("t", Fe);
        var startup = new RecordingDiagnosticSink(string.Empty);
        h.Loop.StartupMessages = startup;
        h.Loop.StartupVerbose = false; // -sf with retries left
        h.Network.ListenMessages[EngineHarness.Ep(Fe)] = ("cannot set MSS", ListenSeverity.Warning);

        Assert.Empty(h.Loop.StartProxies());

        Assert.Equal(string.Empty, startup.Text);
        Assert.Equal(ProxyState.Idle, p.State);
    }

    [Fact]
    public void StartProxies_NoReason_NothingPrinted()
    {
        var h = new EngineHarness();
        h.AddListen("t", Fe);
        var startup = new RecordingDiagnosticSink(string.Empty);
        h.Loop.StartupMessages = startup;

        Assert.Empty(h.Loop.StartProxies());

        Assert.Equal(string.Empty, startup.Text);
    }

    [Fact]
    public void StartProxies_ListenerOptionsAndBacklog_PassedToTheNetwork()
    {
        var h = new EngineHarness();
        var p = h.AddListen("t", Fe);
        p.MaxConn = 77;
        var options = new ListenerOptions { DeferAccept = true, Mss = 1200, Interface = "lo" };
        p.Listeners[0].Options = options;

        h.Loop.StartProxies();

        var call = Assert.Single(h.Network.ListenCalls);
        Assert.Equal(77, call.Backlog); // no backlog: the frontend maxconn
        Assert.Equal(options, call.Options);
    }
}
