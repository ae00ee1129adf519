using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.EndToEnd.Tests.Stats;
using HaproxyNet.EndToEnd.Tests.Support;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.SendName;

/// <summary>
/// http-send-name-header on real sockets: the exact bytes each server receives from haproxynet equal those it
/// receives from HAProxy 1.4.25 for the same requests (the golden rules-send-name only carries their sizes):
/// client copies removed, POST bodies whole and split, a redispatch after a refused connect, a line that does not fit
/// the buffer (1.4 drops it), tunnel mode. One request per connection (1.4.25 mangles the next request of a
/// keep-alive connection after a rewrite, which HaproxyNet does not reproduce).
/// </summary>
public sealed class SendNameHeaderBytesTests
{
    private const string Config = """
        global
            maxconn 100
            tune.bufsize 2048
            tune.maxrewrite 512
        defaults
            mode http
            option httpclose
            timeout connect 1s
            timeout client 5s
            timeout server 5s
        listen fe
            bind 127.0.0.1:{FE}
            balance roundrobin
            option redispatch
            retries 1
            http-send-name-header X-Srv
            server s1 127.0.0.1:{A}
            server the-second-server 127.0.0.1:{B}
        listen redisp
            bind 127.0.0.1:{RD}
            option redispatch
            retries 1
            balance roundrobin
            http-send-name-header X-Srv
            server dead 127.0.0.1:{DEAD}
            server final 127.0.0.1:{A}
        listen big
            bind 127.0.0.1:{BIG}
            http-send-name-header X-Srv
            server {LONG} 127.0.0.1:{B}
        listen tunnel
            bind 127.0.0.1:{TUN}
            no option httpclose
            http-send-name-header X-Srv
            server s1 127.0.0.1:{A}
        """;

    private static readonly string LongName = new('n', 600); // its line is longer than tune.maxrewrite

    /// <summary>(front port name, request parts sent 100 ms apart).</summary>
    private static readonly (string Port, string[] Parts)[] Requests =
    [
        ("FE", ["GET /1 HTTP/1.0\r\nHost: h\r\n\r\n"]),
        ("FE", ["GET /2 HTTP/1.0\r\nX-Srv: client\r\nHost: h\r\nx-srv: a, b\r\nX-Srvx: kept\r\n\r\n"]),
        ("FE", ["POST /3 HTTP/1.0\r\nContent-Length: 11\r\n\r\nhello world"]),
        ("FE", ["POST /4 HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nhello", "world"]),
        ("RD", ["GET /5 HTTP/1.0\r\nX-Srv: me\r\n\r\n"]),
        ("BIG", ["GET /6 HTTP/1.0\r\nX-Srv: c\r\nX-Pad: " + new string('p', 1480) + "\r\n\r\n"]),
        ("TUN", ["GET /7 HTTP/1.1\r\nHost: h\r\nX-Srv: t\r\n\r\n"]),
    ];

    [ReferenceBinaryFact]
    public void SendNameHeader_SameRequests_ServersReceiveTheSameBytesAsFrom14()
    {
        var reference = Run(StatsProcess.Reference!, "ref");
        var ours = Run(StatsProcess.HaproxyNet, "hnet");

        Assert.Equal(Requests.Length, reference.Count);
        Assert.Contains("X-Srv: the-second-server\r\n", reference[1], StringComparison.Ordinal);
        Assert.Equal(reference, ours);
    }

    /// <summary>Runs every request through <paramref name="command"/>; what the servers got, one entry per request.</summary>
    private static List<string> Run(IReadOnlyList<string> command, string tag)
    {
        using var a = new RecordingServer();
        using var b = new RecordingServer();
        var dead = FreePorts.Pick(["DEAD"], [a.Port, b.Port])["DEAD"];
        var ports = FreePorts.Pick(["FE", "RD", "BIG", "TUN"], [a.Port, b.Port, dead]);
        var text = Config.Replace("{A}", a.Port.ToString(CultureInfoInvariant), StringComparison.Ordinal)
            .Replace("{B}", b.Port.ToString(CultureInfoInvariant), StringComparison.Ordinal)
            .Replace("{DEAD}", dead.ToString(CultureInfoInvariant), StringComparison.Ordinal)
            .Replace("{LONG}", LongName, StringComparison.Ordinal);
        foreach (var (k, v) in ports)
        {
            text = text.Replace("{" + k + "}", v.ToString(CultureInfoInvariant), StringComparison.Ordinal);
        }

        var dir = Path.Combine(Path.GetTempPath(), "hnet-sendname-" + tag + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            var cfg = Path.Combine(dir, "haproxy.cfg");
            File.WriteAllText(cfg, text);
            using var proxy = ProxyProcess.Start([.. command, "-db", "-f", cfg], dir, Path.Combine(dir, "stdout.log"), Path.Combine(dir, "stderr.log"));
            Assert.True(proxy.WaitListening([.. ports.Values], TimeSpan.FromSeconds(30)), "proxy did not start: " + string.Join(' ', command));
            var got = new List<string>();
            foreach (var (port, parts) in Requests)
            {
                var before = a.Count + b.Count;
                Exchange(ports[port], parts);

                // The server has the whole request once it answered; wait for that state, bounded.
                Assert.True(SpinWait.SpinUntil(() => a.Count + b.Count > before, TimeSpan.FromSeconds(10)), "no server got request " + got.Count);
                got.Add(a.Count + b.Count > before + 1 ? "two requests" : (a.TakeLast() ?? b.TakeLast())!);
            }

            proxy.Stop(TimeSpan.FromSeconds(2), _ => { });
            return got;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly IFormatProvider CultureInfoInvariant = System.Globalization.CultureInfo.InvariantCulture;

    private static void Exchange(int port, string[] parts)
    {
        using var c = new TcpClient();
        c.Connect(IPAddress.Loopback, port);
        c.ReceiveTimeout = 10_000;
        var s = c.GetStream();
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                Thread.Sleep(100); // the body's second part after the request went to the server
            }

            s.Write(Encoding.Latin1.GetBytes(parts[i]));
        }

        // Read the answer (the server closes after it; tunnel mode passes that close on).
        var buf = new byte[4096];
        while (s.Read(buf) > 0)
        {
        }
    }

    /// <summary>A loopback HTTP server that keeps the bytes of each request (headers, then Content-Length bytes).</summary>
    private sealed class RecordingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Thread _thread;
        private readonly object _lock = new();
        private string? _last;
        private int _count;

        public RecordingServer()
        {
            _listener.Start();
            _thread = new Thread(Loop) { IsBackground = true };
            _thread.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        /// <summary>The last request received, once (null when already taken or none).</summary>
        public string? TakeLast()
        {
            lock (_lock)
            {
                var last = _last;
                _last = null;
                return last;
            }
        }

        public void Dispose() => _listener.Stop();

        private void Loop()
        {
            try
            {
                while (true)
                {
                    using var c = _listener.AcceptTcpClient();
                    c.ReceiveTimeout = 10_000;
                    var request = ReadRequest(c.GetStream());
                    c.GetStream().Write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n"u8);
                    lock (_lock)
                    {
                        _last = request;
                        _count++;
                    }
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        private static string ReadRequest(NetworkStream s)
        {
            var data = new List<byte>();
            var buf = new byte[4096];
            int headEnd;
            while ((headEnd = IndexOfHeadEnd(data)) < 0)
            {
                var n = s.Read(buf);
                if (n <= 0)
                {
                    return Encoding.Latin1.GetString([.. data]);
                }

                data.AddRange(buf.AsSpan(0, n).ToArray());
            }

            var head = Encoding.Latin1.GetString([.. data], 0, headEnd);
            var length = 0;
            foreach (var line in head.Split("\r\n"))
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.AsSpan(15).Trim(), CultureInfoInvariant);
                }
            }

            while (data.Count < headEnd + 4 + length)
            {
                var n = s.Read(buf);
                if (n <= 0)
                {
                    break;
                }

                data.AddRange(buf.AsSpan(0, n).ToArray());
            }

            return Encoding.Latin1.GetString([.. data]);
        }

        private static int IndexOfHeadEnd(List<byte> data)
        {
            for (var i = 0; i + 3 < data.Count; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
