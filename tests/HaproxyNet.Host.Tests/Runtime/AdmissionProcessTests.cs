using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// Frontend admission through the real binary on loopback: a monitor-net client is closed without a log line or
/// a counted session, a <c>tcp-request content reject</c> logs its <c>PR</c> tcplog line (one process, two
/// frontends, every wait bounded, the process stopped by PID).
/// </summary>
[Trait("Category", "Process")]
public class AdmissionProcessTests
{
    private const string Config = RunningProxy.TcpLogDefaults + "\n" + """
        frontend mon
            bind 127.0.0.1:{FE}
            monitor-net 127.0.0.1/32
            default_backend b
        frontend rej
            bind 127.0.0.1:{FE2}
            tcp-request content reject if { src 127.0.0.1 }
            default_backend b
        backend b
            server s1 127.0.0.1:9
        """;

    [Fact]
    public void Run_MonitorNetAndContentReject_OnlyTheRejectIsLogged()
    {
        var mon = RunningProxy.FreePort();
        var rej = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(Config.Replace("{FE2}", rej.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), mon, "-db");
        Assert.True(proxy.WaitListening(mon) && proxy.WaitListening(rej), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy b started"));

        Assert.True(ClosedByProxy(mon), "monitor-net client was not closed");
        var rejectedPort = ConnectUntilClosed(rej, out var closed);
        Assert.True(closed, "rejected client was not closed");
        Assert.True(proxy.WaitLog(" PR "));

        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        var lines = proxy.Lines();
        var sessions = lines.FindAll(l => l.Contains(" [", StringComparison.Ordinal) && l.Contains("]: 127.0.0.1:", StringComparison.Ordinal));
        var line = Assert.Single(sessions);
        Assert.Matches(
            $@"^<134>[A-Z][a-z]{{2}} [ \d]\d \d\d:\d\d:\d\d haproxynet\[{proxy.Pid}\]: 127\.0\.0\.1:{rejectedPort} \[\d\d/[A-Z][a-z]{{2}}/\d{{4}}:\d\d:\d\d:\d\d\.\d{{3}}\] rej rej/<NOSRV> -1/-1/\d+ 0 PR 0/0/0/0/0 0/0$",
            line);
        Assert.Contains(lines, l => l.EndsWith("Proxy mon stopped (FE: 0 conns, BE: 0 conns).", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("Proxy rej stopped (FE: 1 conns, BE: 0 conns).", StringComparison.Ordinal));
    }

    /// <summary>Connects to <paramref name="port"/> and reads until EOF or reset (bounded).</summary>
    private static bool ClosedByProxy(int port)
    {
        ConnectUntilClosed(port, out var closed);
        return closed;
    }

    private static int ConnectUntilClosed(int port, out bool closed)
    {
        using var client = new TcpClient();
        client.ReceiveTimeout = (int)RunningProxy.Bounded.TotalMilliseconds;
        client.Connect(IPAddress.Loopback, port);
        var local = ((IPEndPoint)client.Client.LocalEndPoint!).Port;
        try
        {
            var buf = new byte[64];
            closed = client.GetStream().Read(buf) == 0;
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            closed = true;
        }

        return local;
    }
}
