using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// haproxynet alone on loopback: the stats socket's commands end to end while a bounded load runs, and the
/// beyond-1.4 <c>show dynmaxconn</c>.
/// </summary>
[Collection("stats")]
public sealed class StatsSocketLoadTests
{
    private const string Config = """
        global
            stats socket {SOCK} level admin
        defaults
            mode http
            option http-server-close
            timeout connect 1s
            timeout client 5s
            timeout server 5s
            timeout queue 5s
        listen web
            bind 127.0.0.1:{WEB}
            balance roundrobin
            stats enable
            fullconn 100
            server s1 127.0.0.1:{BE} maxconn 4 minconn 1
            server s2 127.0.0.1:{BE} maxconn 4 minconn 1

        """;

    [Fact]
    public void DisableServer_UnderLoopbackLoad_NoFailedRequestAndServerGetsNoMore()
    {
        using var backend = new TinyHttpServer();
        using var p = StatsProcess.Start(StatsProcess.HaproxyNet, Config, ["WEB"], new Dictionary<string, int> { ["BE"] = backend.Port }, "load");
        const int clients = 4;
        const int perClient = 150;
        var failures = 0;
        var done = 0;
        var threads = new List<Thread>();
        for (var c = 0; c < clients; c++)
        {
            var t = new Thread(() =>
            {
                for (var i = 0; i < perClient; i++)
                {
                    try
                    {
                        if (!p.Http("WEB", "GET", "/load").StartsWith("HTTP/1.0 200 OK", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                    catch (SocketException)
                    {
                        Interlocked.Increment(ref failures);
                    }

                    Interlocked.Increment(ref done);
                }
            });
            t.Start();
            threads.Add(t);
        }

        while (Volatile.Read(ref done) < clients * perClient / 3)
        {
            Thread.Sleep(5);
        }

        Assert.Equal("\n", p.Cli("disable server web/s1\n"));
        var atDisable = ServerTotal(p, "s1");
        foreach (var t in threads)
        {
            t.Join(TimeSpan.FromSeconds(120));
        }

        Assert.Equal(0, failures);
        Assert.Equal(clients * perClient, Volatile.Read(ref done));
        var stat = p.Cli("show stat\n");
        Assert.Contains("web,s1,", stat, StringComparison.Ordinal);
        Assert.Equal("MAINT", Field(stat, "s1", 17));
        Assert.Equal(atDisable, ServerTotal(p, "s1")); // no new session on s1 once in maintenance
        Assert.Equal(clients * perClient, long.Parse(Field(stat, "FRONTEND", 7), System.Globalization.CultureInfo.InvariantCulture) - 0);
        Assert.Equal("\n", p.Cli("enable server web/s1\n"));
        Assert.Equal("no check", Field(p.Cli("show stat\n"), "s1", 17));
    }

    [Fact]
    public void ShowDynMaxconn_BusyBackend_ReportsLimitAndQueue()
    {
        using var backend = new SlowHttpServer(TimeSpan.FromMilliseconds(1500));
        using var p = StatsProcess.Start(StatsProcess.HaproxyNet, Config, ["WEB"], new Dictionary<string, int> { ["BE"] = backend.Port }, "dyn");
        var idle = p.Cli("show dynmaxconn\n");
        Assert.StartsWith("# backend,server,beconn,fullconn,minconn,maxconn,warmup,limit,served,queue,bequeue,oldest_wait_ms,throttled\n", idle, StringComparison.Ordinal);
        Assert.Contains("web,s1,0,100,1,4,-,1,0,0,0,0,0\n", idle, StringComparison.Ordinal); // beconn 0 < fullconn: limit = minconn

        // 6 slow requests: beconn 6 of fullconn 100 gives each server max(1, 6*4/100) = 1 slot; the rest waits.
        var clients = new List<Thread>();
        for (var i = 0; i < 6; i++)
        {
            var t = new Thread(() => p.Http("WEB", "GET", "/slow")) { IsBackground = true };
            t.Start();
            clients.Add(t);
        }

        Thread.Sleep(600);
        var busy = p.Cli("show dynmaxconn\n");
        var s1 = busy.Split('\n').First(l => l.StartsWith("web,s1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("6", s1[2]);
        Assert.Equal("1", s1[7]);
        Assert.Equal("1", s1[8]);
        Assert.Equal("4", s1[10]); // 6 sessions, one per server, 4 in the backend queue
        Assert.True(long.Parse(s1[11], System.Globalization.CultureInfo.InvariantCulture) >= 300, busy);
        Assert.Equal("1", s1[12]);
        var page = p.Http("WEB", "GET", "/haproxy?stats");
        Assert.Contains("class=\"dynlim\" title=\"srv_dynamic_maxconn: 1 of maxconn 4", page, StringComparison.Ordinal);
        foreach (var t in clients)
        {
            t.Join(TimeSpan.FromSeconds(30));
        }
    }

    private static long ServerTotal(StatsProcess p, string server) =>
        long.Parse(Field(p.Cli("show stat\n"), server, 7), System.Globalization.CultureInfo.InvariantCulture);

    private static string Field(string csv, string svname, int index)
    {
        foreach (var line in csv.Split('\n'))
        {
            var f = line.Split(',');
            if (f.Length > index && f[1] == svname)
            {
                return f[index];
            }
        }

        throw new InvalidOperationException("no row " + svname + " in\n" + csv);
    }

    /// <summary>Answers each request after a delay (keeps server slots busy so sessions queue).</summary>
    private sealed class SlowHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TimeSpan _delay;

        public SlowHttpServer(TimeSpan delay)
        {
            _delay = delay;
            _listener.Start(128);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            new Thread(Loop) { IsBackground = true }.Start();
        }

        public int Port { get; }

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

                new Thread(() =>
                {
                    using (c)
                    {
                        try
                        {
                            var buf = new byte[4096];
                            if (c.Receive(buf) <= 0)
                            {
                                return;
                            }

                            Thread.Sleep(_delay);
                            c.Send(Encoding.ASCII.GetBytes("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n"));
                        }
                        catch (SocketException)
                        {
                        }
                    }
                })
                { IsBackground = true }.Start();
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
