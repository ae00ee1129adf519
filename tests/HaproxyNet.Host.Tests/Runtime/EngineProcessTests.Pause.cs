using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>SIGTTOU/SIGTTIN and the <c>-sf</c> hand-over on the real binary, with an echo backend (CLI.md §3-4).</summary>
public partial class EngineProcessTests
{
    [Fact]
    public void Run_SfToPausedOldProcess_NewServesOldStopsAndExits()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = WithBackend(backend);
        using var old = RunningProxy.Start(config, port, "-db");
        Assert.True(old.WaitListening(port), "old proxy did not listen");
        Assert.True(old.WaitLog("Proxy l started"));
        Assert.True(old.WaitCatches(Signals.SigTtou), "SIGTTOU handler not set");
        old.Signal(Signals.SigTtou);
        Assert.True(old.WaitLog("Pausing proxy l\\."));
        Assert.Equal(SocketError.ConnectionRefused, ConnectUntilRefused(port));

        using var next = RunningProxy.Start(config, port, "-db", "-sf", old.Pid.ToString(CultureInfo.InvariantCulture));
        Assert.True(next.WaitLog("Proxy l started"));

        Assert.Equal(0, old.WaitExit()); // SIGUSR1 stops the paused proxy and closes its socket
        Assert.Contains(old.Lines(), static l => l.EndsWith("Proxy l stopped (FE: 0 conns, BE: 0 conns).", StringComparison.Ordinal));
        using (var client = ConnectWhenListening(port))
        {
            Assert.True(EchoBackend.RoundTrip(client, 4));
        }

        next.Signal(Signals.SigUsr1);
        Assert.Equal(0, next.WaitExit());
    }

    /// <summary>Connects until the kernel refuses (bounded); ConnectionRefused, or Success if never refused.</summary>
    private static SocketError ConnectUntilRefused(int port)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (DateTime.UtcNow < deadline)
        {
            using var probe = EchoBackend.Client();
            try
            {
                probe.Connect(IPAddress.Loopback, port);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return e.SocketErrorCode;
            }
            catch (SocketException)
            {
                // Reset: this probe reached the backlog just before the pause shut it; try again.
            }

            Thread.Sleep(10);
        }

        return SocketError.Success;
    }

    /// <summary>Connects, retrying while the port refuses (bounded): a resumed listener listens after its log line.</summary>
    private static Socket ConnectWhenListening(int port)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (true)
        {
            var client = EchoBackend.Client();
            try
            {
                client.Connect(IPAddress.Loopback, port);
                return client;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused && DateTime.UtcNow < deadline)
            {
                client.Dispose();
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>Opens clients until one gets its byte echoed (bounded).</summary>
    private static bool RoundTripUntilServed(int port)
    {
        var deadline = DateTime.UtcNow + RunningProxy.Bounded;
        while (DateTime.UtcNow < deadline)
        {
            using var client = EchoBackend.Client();
            try
            {
                client.Connect(IPAddress.Loopback, port);
                if (EchoBackend.RoundTrip(client, 3))
                {
                    return true;
                }
            }
            catch (SocketException)
            {
            }

            Thread.Sleep(10);
        }

        return false;
    }

    private static string WithBackend(EchoBackend backend) => RunningProxy.TcpListenTo(backend.Port);

    [Fact]
    public void Run_SigTtou_ConnectsRefusedSessionsGoOnThenSigTtinServesAgain()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(WithBackend(backend), port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy l started"));
        using var established = EchoBackend.Client();
        established.Connect(IPAddress.Loopback, port);
        Assert.True(EchoBackend.RoundTrip(established, 1));

        Assert.True(proxy.WaitCatches(Signals.SigTtou), "SIGTTOU handler not set");
        proxy.Signal(Signals.SigTtou);
        Assert.True(proxy.WaitLog("Pausing proxy l\\."));

        // The line is logged just before the listener leaves LISTEN (as in 1.4): allow the loop to finish its turn.
        Assert.Equal(SocketError.ConnectionRefused, ConnectUntilRefused(port));

        Assert.True(EchoBackend.RoundTrip(established, 2)); // the accepted session is not touched

        proxy.Signal(Signals.SigTtin);
        Assert.True(proxy.WaitLog("Enabling proxy l\\."));
        using (var resumed = ConnectWhenListening(port)) // logged just before listen(), as in 1.4
        {
            Assert.True(EchoBackend.RoundTrip(resumed, 3));
        }

        established.Close();
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.Contains("[WARNING] T : Pausing proxy l.\n[WARNING] T : Enabling proxy l.\n", proxy.Stderr(), StringComparison.Ordinal);
        Assert.True(proxy.Lines().Count(static l => l.Contains("Connect from 127.0.0.1:", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public void Run_SfWithActiveSession_NewServesOldStopsListeningAndExitsWhenTheSessionEnds()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = WithBackend(backend);
        using var old = RunningProxy.Start(config, port, "-db");
        Assert.True(old.WaitListening(port), "old proxy did not listen");
        Assert.True(old.WaitLog("Proxy l started"));
        using var held = EchoBackend.Client();
        held.Connect(IPAddress.Loopback, port);
        Assert.True(EchoBackend.RoundTrip(held, 1));

        using var next = RunningProxy.Start(config, port, "-db", "-sf", old.Pid.ToString(CultureInfo.InvariantCulture));
        Assert.True(next.WaitLog("Proxy l started"));
        Assert.True(old.WaitLog("Proxy l stopped \\(FE: 1 conns, BE: 1 conns\\)\\."));

        // SO_REUSEPORT let the new process bind at once: no SIGTTOU was needed, the old one got SIGUSR1 only.
        Assert.DoesNotContain(old.Lines(), static l => l.Contains("Pausing", StringComparison.Ordinal));
        Assert.False(old.HasExited);
        Assert.True(EchoBackend.RoundTrip(held, 2)); // its session still flows through the old process

        // The stop line is logged just before the old listener closes: a connect in between may be reset, retry.
        Assert.True(RoundTripUntilServed(port), "the new process did not serve");
        Assert.True(next.WaitLog("Connect from 127\\.0\\.0\\.1:"));

        held.Close();
        Assert.Equal(0, old.WaitExit());
        next.Signal(Signals.SigUsr1);
        Assert.Equal(0, next.WaitExit());
    }
}
