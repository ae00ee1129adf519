using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// The running proxy (no <c>-c</c>) through the real binary on loopback: startup messages, syslog tag, signals,
/// bind failures (CLI.md §3-4). Each test starts one or two processes and bounds every wait.
/// </summary>
[Trait("Category", "Process")]
public partial class EngineProcessTests
{
    private const string Config = RunningProxy.TcpListen;

    [Fact]
    public void Run_SigUsr1_StoppingThenStoppedOnSyslogAndStderrExitZero()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config, port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy l started"));
        proxy.Signal(Signals.SigUsr1);

        Assert.Equal(0, proxy.WaitExit());
        var pid = proxy.Pid;
        Assert.Equal(
            [
                $"<133>haproxynet[{pid}]: Proxy l started.",
                $"<132>haproxynet[{pid}]: Stopping proxy l in 0 ms.",
                $"<132>haproxynet[{pid}]: Proxy l stopped (FE: 0 conns, BE: 0 conns).",
            ],
            WithoutDates(proxy.Lines()));
        Assert.Equal(
            "[WARNING] T : Stopping proxy l in 0 ms.\n[WARNING] T : Proxy l stopped (FE: 0 conns, BE: 0 conns).\n",
            proxy.Stderr());
    }

    [Fact]
    public void Run_LogTagAndQuiet_TagInHeaderNothingOnStderr()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config.Replace("global\n    log ", "global\n    log-tag hx1\n    log ", StringComparison.Ordinal), port, "-db", "-q");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy l started"));
        proxy.Signal(Signals.SigUsr1);

        Assert.Equal(0, proxy.WaitExit());
        Assert.Equal($"<133>hx1[{proxy.Pid}]: Proxy l started.", WithoutDates(proxy.Lines())[0]);
        Assert.Equal(string.Empty, proxy.Stderr());
    }

    [Fact]
    public void Run_SigTtouThenSigTtin_PausingThenEnablingThenStillServes()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config, port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy l started"));
        Assert.True(proxy.WaitCatches(Signals.SigTtou), "SIGTTOU handler not set");
        proxy.Signal(Signals.SigTtou);
        Assert.True(proxy.WaitLog("Pausing proxy l\\."));
        proxy.Signal(Signals.SigTtin);
        Assert.True(proxy.WaitLog("Enabling proxy l\\."));

        // Accepting again: a client is taken and logged (server port 9 refuses, so the session ends quickly).
        // "Enabling" is logged just before listen(), so the first attempts may still be refused.
        using (ConnectWhenListening(port))
        {
        }

        Assert.True(proxy.WaitLog("Connect from 127\\.0\\.0\\.1:"));
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.Contains("[WARNING] T : Pausing proxy l.\n[WARNING] T : Enabling proxy l.\n", proxy.Stderr(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PortTaken_CannotBindAlertExitOneNothingLogged()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;

        using var proxy = RunningProxy.Start(Config, port, "-db");

        Assert.Equal(1, proxy.WaitExit());
        Assert.Equal("[ALERT] T : Starting proxy l: cannot bind socket\n", proxy.Stderr());
        Assert.Empty(proxy.Lines());
    }

    [Fact]
    public void Run_OnlyDisabledProxies_NoEnabledListenerAlertExitOne()
    {
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config.Replace("listen l\n", "listen l\n    disabled\n", StringComparison.Ordinal), port, "-db");

        Assert.Equal(1, proxy.WaitExit());
        Assert.Matches(@"^\[ALERT\] T : \[[^\]]*haproxynet\.dll\.main\(\)\] No enabled listener found \(check the <listen> keywords\) ! Exiting\.\n$", proxy.Stderr());
    }

    [Fact]
    public void Run_SfWithOldPid_OldProcessSoftStopsNewOneServes()
    {
        var port = RunningProxy.FreePort();
        using var old = RunningProxy.Start(Config, port, "-db");
        Assert.True(old.WaitListening(port), "old proxy did not listen");
        Assert.True(old.WaitLog("Proxy l started"));

        using var next = RunningProxy.Start(Config, port, "-db", "-sf", old.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(next.WaitLog("Proxy l started"));

        Assert.Equal(0, old.WaitExit());
        Assert.Contains(old.Lines(), static l => l.EndsWith("Proxy l stopped (FE: 0 conns, BE: 0 conns).", StringComparison.Ordinal));
        Assert.False(next.HasExited);
        next.Signal(Signals.SigUsr1);
        Assert.Equal(0, next.WaitExit());
    }

    /// <summary>Drops the syslog date (<c>Mmm dd HH:MM:SS </c>) after the PRI.</summary>
    private static List<string> WithoutDates(List<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            result.Add(System.Text.RegularExpressions.Regex.Replace(line, @"^(<\d+>)[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d ", "$1"));
        }

        return result;
    }
}
