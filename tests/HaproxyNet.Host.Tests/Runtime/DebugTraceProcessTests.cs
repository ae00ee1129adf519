using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// <c>-d</c> through the real binary on loopback (CLI.md §5): the session lines on stdout with the process's real
/// descriptor numbers, checked against /proc while the session is open.
/// </summary>
[Trait("Category", "Process")]
public class DebugTraceProcessTests
{
    [Fact]
    public void Debug_ProxiedConnection_AcceptSrvclsClicslClosedWithTheProcessFds()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(WithBackend(backend), port, "-d");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");

        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        var clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        Exchange(client);

        // While the session is open: which descriptors does the process hold for the three sockets?
        var listenerFd = ProcSockets.FindFd(proxy.Pid, port, 0, ProcSockets.Listen);
        var clientFd = ProcSockets.FindFd(proxy.Pid, port, clientPort, ProcSockets.Established);
        var serverFd = FindServerFd(proxy.Pid, backend.Port);
        Assert.True(listenerFd > 2 && clientFd > 2 && serverFd > 2, $"fds {listenerFd} {clientFd} {serverFd}");

        Finish(client);
        Assert.True(proxy.WaitLog(" l l/s1 "), "no session log");
        proxy.Signal(Signals.SigKill); // the lines were written by write(2): a kill loses none of them
        proxy.WaitExit();

        // stdout is a pipe: "Using epoll() ..." went to the stdio buffer, which the kill discarded, as 1.4's would be.
        var c = Hex(clientFd);
        var s = Hex(serverFd);
        Assert.Equal(
            $"00000000:l.accept({Hex(listenerFd)})={c} from [127.0.0.1:{clientPort}]\n" +
            $"00000000:l.srvcls[{c}:{s}]\n" +
            $"00000000:l.clicls[{c}:{s}]\n" +
            $"00000000:l.closed[{c}:{s}]\n",
            proxy.Stdout());
    }

    [Fact]
    public void DebugAndQuiet_ProxiedConnection_QuietDroppedSilentlyAndTracePrinted()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(WithBackend(backend), port, "-d", "-q");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");

        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
            Exchange(client);
            Finish(client);
        }

        Assert.True(proxy.WaitLog(" l l/s1 "), "no session log");
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());

        // A normal exit flushes the stdio buffer: the "Using" line comes after the raw -d writes.
        var stdout = proxy.Stdout();
        Assert.EndsWith("]\nUsing epoll() as the polling mechanism.\n", stdout, StringComparison.Ordinal);
        var lines = TraceLines(stdout);
        Assert.Equal(4, lines.Count);
        Assert.Matches(@"^00000000:l\.accept\([0-9a-f]{4}\)=[0-9a-f]{4} from \[127\.0\.0\.1:\d+\]$", lines[0]);
        Assert.Matches(@"^00000000:l\.closed\[[0-9a-f]{4}:[0-9a-f]{4}\]$", lines[3]);

        // 1.4's Warning() still sees quiet when the conflict is found: no "<debug> mode incompatible" line; the
        // stop messages that follow are printed, quiet being gone by then.
        var stderr = proxy.Stderr();
        Assert.DoesNotContain("incompatible", stderr, StringComparison.Ordinal);
        Assert.Contains("[WARNING] T : Stopping proxy l in 0 ms.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Debug_Ipv6Client_AddressAsInetNtopPrintsIt()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        var config = WithBackend(backend).Replace("bind 127.0.0.1:{FE}", "bind ::1:{FE}", StringComparison.Ordinal);
        using var proxy = RunningProxy.Start(config, port, "-d");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");

        int clientPort;
        using (var client = new TcpClient(AddressFamily.InterNetworkV6))
        {
            client.Connect(IPAddress.IPv6Loopback, port);
            clientPort = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
            Exchange(client);
            Finish(client);
        }

        Assert.True(proxy.WaitLog(" l l/s1 "), "no session log");
        proxy.Signal(Signals.SigKill);
        proxy.WaitExit();

        var lines = TraceLines(proxy.Stdout());
        Assert.Equal(4, lines.Count);
        Assert.Matches($@"^00000000:l\.accept\([0-9a-f]{{4}}\)=[0-9a-f]{{4}} from \[::1:{clientPort}\]$", lines[0]);
    }

    [Fact]
    public void ForegroundWithoutDebug_ProxiedConnection_NothingOnStdout()
    {
        using var backend = new EchoBackend();
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(WithBackend(backend), port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");

        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, port);
            Exchange(client);
            Finish(client);
        }

        Assert.True(proxy.WaitLog(" l l/s1 "), "no session log");
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.Equal(string.Empty, proxy.Stdout());
    }

    private static string WithBackend(EchoBackend backend) =>
        RunningProxy.TcpListenTo(backend.Port).Replace(RunningProxy.TcpDefaults, RunningProxy.TcpLogDefaults, StringComparison.Ordinal);

    private static string Hex(int fd) => fd.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>The session lines (those starting with an 8-digit id), without their newline.</summary>
    private static List<string> TraceLines(string stdout) =>
        stdout.Split('\n').Where(l => l.Length > 9 && l[8] == ':').ToList();

    /// <summary>Sends 5 bytes and reads their echo (bounded).</summary>
    private static void Exchange(TcpClient client)
    {
        client.ReceiveTimeout = 5000;
        client.GetStream().Write("hello"u8);
        var echo = new byte[5];
        client.GetStream().ReadExactly(echo);
        Assert.Equal("hello", Encoding.ASCII.GetString(echo));
    }

    /// <summary>Half-closes and reads to the end: the backend closes once it sees our FIN.</summary>
    private static void Finish(TcpClient client)
    {
        var stream = client.GetStream();
        client.Client.Shutdown(SocketShutdown.Send);
        var rest = new byte[16];
        while (stream.Read(rest) > 0)
        {
        }
    }

    /// <summary>The proxy's connection to the backend: remote port = the backend's.</summary>
    private static int FindServerFd(int pid, int backendPort)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/net/tcp").Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length > 3 && f[3] == ProcSockets.Established && f[2].EndsWith(":" + backendPort.ToString("X4", CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                var localPort = int.Parse(f[1][(f[1].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var fd = ProcSockets.FindFd(pid, localPort, backendPort, ProcSockets.Established);
                if (fd >= 0)
                {
                    return fd;
                }
            }
        }

        return -1;
    }
}
