using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary>
/// The real binary with a <c>dispatch</c> backend and <c>source</c> backends on loopback: where the connections
/// go, which source the server sees, and the syslog/stderr lines of a source that cannot be bound.
/// </summary>
[Trait("Category", "Process")]
public class SocketOptionsProcessTests
{
    private const string Config = RunningProxy.TcpLogDefaults + "\n" + """
        listen d
            bind 127.0.0.1:{FE}
            dispatch 127.0.0.1:{BE}
        listen s
            bind 127.0.0.1:{FE2}
            option tcpka
            source 127.0.0.2
            server s1 127.0.0.1:{BE}
        listen bad
            bind 127.0.0.1:{FE3}
            retries 1
            source 192.0.2.7
            server s1 127.0.0.1:{BE}
        """;

    [Fact]
    public void Run_DispatchAndSource_ConnectionsRoutedSourceSeenBindFailureLogged()
    {
        using var backend = new EchoBackend();
        var fe = RunningProxy.FreePort();
        var fe2 = RunningProxy.FreePort();
        var fe3 = RunningProxy.FreePort();
        var config = Config.Replace("{BE}", Port(backend.Port), StringComparison.Ordinal)
            .Replace("{FE2}", Port(fe2), StringComparison.Ordinal)
            .Replace("{FE3}", Port(fe3), StringComparison.Ordinal);
        using var proxy = RunningProxy.Start(config, fe, "-db");
        Assert.True(proxy.WaitListening(fe) && proxy.WaitListening(fe2) && proxy.WaitListening(fe3), "proxy did not listen");

        Assert.Equal("via-dispatch", EchoThrough(fe, "via-dispatch"));
        Assert.True(proxy.WaitLog(@" d d/<NOSRV> \d+/\d+/\d+ 12 -- "), "dispatch session line");

        Assert.Equal("via-source", EchoThrough(fe2, "via-source"));
        Assert.True(proxy.WaitLog(@" s s/s1 \d+/\d+/\d+ 10 -- "), "source session line");
        Assert.Equal([IPAddress.Loopback, IPAddress.Parse("127.0.0.2")], backend.Sources.ToArray());

        using (var client = new TcpClient())
        {
            client.Connect(IPAddress.Loopback, fe3);
            client.ReceiveTimeout = (int)RunningProxy.Bounded.TotalMilliseconds;
            Assert.Equal(0, client.GetStream().Read(new byte[16])); // closed by the proxy: no server could be reached
        }

        Assert.True(proxy.WaitLog(@" bad bad/s1 0/-1/\d+ 0 SC 0/0/0/0/1 0/0"), "bind failure session line");
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());

        var pid = proxy.Pid;
        var emerg = proxy.Lines().Where(l => l.StartsWith("<128>", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("]: ", StringComparison.Ordinal) + 3)..]).ToList();
        Assert.Equal(["Cannot bind to source address before connect() for proxy bad.", "Cannot bind to source address before connect() for proxy bad."], emerg);
        Assert.All(proxy.Lines().Where(l => l.StartsWith("<128>", StringComparison.Ordinal)), l => Assert.Contains($"haproxynet[{pid}]: ", l, StringComparison.Ordinal));
        Assert.Contains(
            "[ALERT] T : Cannot bind to source address before connect() for proxy bad. Aborting.\n[ALERT] T : Cannot bind to source address before connect() for proxy bad. Aborting.\n",
            proxy.Stderr(),
            StringComparison.Ordinal);
        Assert.Equal(2, backend.Sources.Count); // the failed proxy never reached the server
    }

    [Fact]
    public void Run_BindUnknownInterface_WarningAtStartProxyStillServes()
    {
        var cfg = RunningProxy.TcpListen.Replace(
            "bind 127.0.0.1:{FE}", "bind 127.0.0.1:{FE} interface nosuchdev0 mss 1400 defer-accept", StringComparison.Ordinal);
        var port = RunningProxy.FreePort();
        using var proxy = RunningProxy.Start(cfg, port, "-db");
        Assert.True(proxy.WaitListening(port), "proxy did not listen");
        Assert.True(proxy.WaitLog("Proxy l started"));
        proxy.Signal(Signals.SigUsr1);

        Assert.Equal(0, proxy.WaitExit());

        // tcp_bind_listener's SO_BINDTODEVICE failure is ERR_WARN: printed while starting, the proxy starts anyway.
        Assert.StartsWith("[WARNING] T : Starting proxy l: cannot bind listener to device\n", proxy.Stderr(), StringComparison.Ordinal);
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string EchoThrough(int port, string text)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        client.ReceiveTimeout = (int)RunningProxy.Bounded.TotalMilliseconds;
        var stream = client.GetStream();
        var bytes = System.Text.Encoding.ASCII.GetBytes(text);
        stream.Write(bytes);
        var buffer = new byte[bytes.Length];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        client.Client.Shutdown(SocketShutdown.Send);
        return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
    }
}
