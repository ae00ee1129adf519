using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.EndToEnd.Tests.Stats;
using HaproxyNet.Testing;

namespace HaproxyNet.EndToEnd.Tests.Samples;

/// <summary>
/// <c>haproxy-cfg-samples/http-switching.cfg</c> as shipped (only its loopback ports moved to free ones) serves real
/// HTTP traffic through haproxynet: Host and path switching, cookie insert with indirect and nocache, forwardfor,
/// balance uri, the stats page, and httplog lines over a real syslog datagram.
/// </summary>
[Collection("stats")]
public sealed class HttpSwitchingSampleTests
{
    private static readonly int[] ServerPorts = [9181, 9182, 9183, 9184, 9185];

    [Fact]
    public void Sample_RealRequests_RoutedPinnedAndLogged()
    {
        var servers = new List<NamedHttpServer>();
        using var syslog = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        try
        {
            var text = File.ReadAllText(Path.Combine(TestDataPaths.Samples, "http-switching.cfg"));
            var fixedPorts = new Dictionary<string, int>
            {
                ["SYSLOG"] = ((IPEndPoint)syslog.Client.LocalEndPoint!).Port,
            };
            text = text.Replace("127.0.0.1:9080", "127.0.0.1:{WWW}", StringComparison.Ordinal)
                .Replace("127.0.0.1:5514", "127.0.0.1:{SYSLOG}", StringComparison.Ordinal);
            var names = new Dictionary<int, string> { [9181] = "app1", [9182] = "app2", [9183] = "api1", [9184] = "st1", [9185] = "st2" };
            foreach (var port in ServerPorts)
            {
                var server = new NamedHttpServer(names[port]);
                servers.Add(server);
                fixedPorts["P" + port] = server.Port;
                text = text.Replace("127.0.0.1:" + port, "127.0.0.1:{P" + port + "}", StringComparison.Ordinal);
            }

            using var p = StatsProcess.Start(StatsProcess.HaproxyNet, text, ["WWW"], fixedPorts, "sample");
            var port80 = p.Ports["WWW"];

            // A new client: default backend app, a cookie inserted, the response made private, X-Forwarded-For added.
            var first = Get(port80, "www.test", "/", null);
            Assert.StartsWith("HTTP/1.1 200 OK", first, StringComparison.Ordinal);
            var pinned = first.Contains("Set-Cookie: SRV=a1", StringComparison.Ordinal) ? "app1" : "app2";
            Assert.Contains("Set-Cookie: SRV=" + (pinned == "app1" ? "a1" : "a2") + "; path=/", first, StringComparison.Ordinal);
            Assert.Contains("Cache-control: private", first, StringComparison.Ordinal);
            Assert.Contains("served-by=" + pinned + " xff=127.0.0.1 srv-cookie=no", first, StringComparison.Ordinal);

            // The same client comes back with its cookie: the same server, which never sees the cookie (indirect).
            for (var i = 0; i < 3; i++)
            {
                var again = Get(port80, "www.test", "/page" + i, "SRV=" + (pinned == "app1" ? "a1" : "a2"));
                Assert.Contains("served-by=" + pinned + " xff=127.0.0.1 srv-cookie=no", again, StringComparison.Ordinal);
                Assert.DoesNotContain("Set-Cookie", again, StringComparison.Ordinal);
            }

            // Host api.* goes to backend api; /static/ to backend static, where one URI always hits one server.
            Assert.Contains("served-by=api1", Get(port80, "api.example.com", "/v1/items", null), StringComparison.Ordinal);
            var s1 = ServedBy(Get(port80, "www.test", "/static/logo.png", null));
            var s2 = ServedBy(Get(port80, "www.test", "/static/logo.png", null));
            Assert.True(s1 is "st1" or "st2", s1);
            Assert.Equal(s1, s2);

            // The stats page of backend app.
            var stats = Get(port80, "www.test", "/haproxy?stats", null);
            Assert.StartsWith("HTTP/1.0 200 OK", stats, StringComparison.Ordinal);
            Assert.Contains("Statistics Report", stats, StringComparison.Ordinal);

            // httplog lines over syslog (after the four "Proxy ... started."): the new client inserted (NI), the
            // returning one valid (VN).
            var log = ReadLog(syslog, expectedLines: 4 + 8);
            Assert.Contains(log, l => l.Contains(" www app/" + pinned + " ", StringComparison.Ordinal) && l.Contains(" --NI ", StringComparison.Ordinal));
            Assert.Contains(log, l => l.Contains(" www app/" + pinned + " ", StringComparison.Ordinal) && l.Contains(" --VN ", StringComparison.Ordinal));
            Assert.Contains(log, l => l.Contains(" www api/api1 ", StringComparison.Ordinal) && l.Contains("\"GET /v1/items HTTP/1.1\"", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var s in servers)
            {
                s.Dispose();
            }
        }
    }

    private static string ServedBy(string response)
    {
        var at = response.IndexOf("served-by=", StringComparison.Ordinal);
        Assert.True(at >= 0, response);
        var end = response.IndexOf(' ', at);
        return response[(at + 10)..end];
    }

    private static string Get(int port, string host, string path, string? cookie)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect(new IPEndPoint(IPAddress.Loopback, port));
        s.ReceiveTimeout = 10000;
        var req = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (cookie is null ? string.Empty : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n";
        s.Send(Encoding.ASCII.GetBytes(req));
        var all = new MemoryStream();
        var buf = new byte[16384];
        int n;
        while ((n = s.Receive(buf)) > 0)
        {
            all.Write(buf, 0, n);
        }

        return Encoding.Latin1.GetString(all.ToArray());
    }

    private static List<string> ReadLog(UdpClient syslog, int expectedLines)
    {
        var lines = new List<string>();
        syslog.Client.ReceiveTimeout = 3000;
        var from = new IPEndPoint(IPAddress.Any, 0);
        while (lines.Count < expectedLines)
        {
            try
            {
                lines.Add(Encoding.Latin1.GetString(syslog.Receive(ref from)));
            }
            catch (SocketException)
            {
                break;
            }
        }

        return lines;
    }

    /// <summary>A loopback HTTP server that names itself and tells what it received (X-Forwarded-For, the SRV cookie).</summary>
    private sealed class NamedHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _name;

        public NamedHttpServer(string name)
        {
            _name = name;
            _listener.Start(64);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            new Thread(Loop) { IsBackground = true }.Start();
        }

        public int Port { get; }

        public void Dispose() => _listener.Stop();

        private void Loop()
        {
            while (true)
            {
                Socket c;
                try
                {
                    c = _listener.AcceptSocket();
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    return;
                }

                ThreadPool.QueueUserWorkItem(_ => Serve(c));
            }
        }

        private void Serve(Socket c)
        {
            using (c)
            {
                try
                {
                    c.ReceiveTimeout = 5000;
                    var got = new StringBuilder();
                    var buf = new byte[8192];
                    while (!got.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = c.Receive(buf);
                        if (n <= 0)
                        {
                            return;
                        }

                        got.Append(Encoding.Latin1.GetString(buf, 0, n));
                    }

                    var head = got.ToString();
                    var xff = "none";
                    foreach (var line in head.Split("\r\n"))
                    {
                        if (line.StartsWith("X-Forwarded-For: ", StringComparison.OrdinalIgnoreCase))
                        {
                            xff = line[17..];
                        }
                    }

                    var srvCookie = head.Contains("SRV=", StringComparison.Ordinal) ? "yes" : "no";
                    var body = "served-by=" + _name + " xff=" + xff + " srv-cookie=" + srvCookie + " \n";
                    c.Send(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n" + body));
                    c.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException)
                {
                }
            }
        }
    }
}
