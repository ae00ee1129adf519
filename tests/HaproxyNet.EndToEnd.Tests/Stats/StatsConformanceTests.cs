using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.EndToEnd.Tests.Support;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// The reference 1.4.25 and haproxynet run the same configuration side by side on loopback; the same requests go
/// through both, then <c>show stat</c>, <c>;csv</c>, <c>show info</c>, <c>help</c> and the CLI's replies are compared,
/// with only the time- and process-dependent values normalised (lastchg, downtime, check duration, rates, pid,
/// uptime, task counts).
/// </summary>
[Collection("stats")]
public sealed class StatsConformanceTests
{
    internal const string Config = """
        global
            stats socket {SOCK} level admin
            stats timeout 10s
            node testnode
            description stats test
        defaults
            mode http
            timeout connect 1s
            timeout client 5s
            timeout server 5s
        listen web
            bind 127.0.0.1:{WEB}
            option socket-stats
            rate-limit sessions 100
            stats enable
            stats uri /st
            stats refresh 7s
            stats admin if TRUE
            server s1 127.0.0.1:{BE} check inter 2000
            server s2 127.0.0.1:{BE} weight 3 maxconn 10 maxqueue 5
            server b1 127.0.0.1:{DEAD} backup check inter 2000
        backend be
            server t1 127.0.0.1:{BE} track web/s1
            server w1 127.0.0.1:{BE} slowstart 60s weight 10
        listen tcpl
            mode tcp
            bind 127.0.0.1:{TCP}
            server s 127.0.0.1:{BE}

        """;

    /// <summary>
    /// CSV columns whose values depend on time: smax (whether the previous session was already freed when the next
    /// one was accepted), lastchg, downtime, rate, rate_max, check_duration, req_rate, req_rate_max.
    /// </summary>
    private static readonly int[] TimeColumns = [5, 23, 24, 33, 35, 38, 46, 47];

    [ReferenceBinaryFact]
    public void ShowStatAndCsv_SameConfigAndRequests_MatchReference()
    {
        using var pair = Pair.Start();
        pair.Both(p =>
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Contains("200 OK", p.Http("WEB", "GET", "/x" + i), StringComparison.Ordinal);
            }

            Assert.Contains("200 OK", p.Http("TCP", "GET", "/t"), StringComparison.Ordinal);
        });

        var refStat = NormalizeCsv(pair.Ref.Cli("show stat\n"));
        var ourStat = NormalizeCsv(pair.Ours.Cli("show stat\n"));
        Assert.Equal(refStat, ourStat);

        var refCsv = pair.Ref.Http("WEB", "GET", "/st;csv");
        var ourCsv = pair.Ours.Http("WEB", "GET", "/st;csv");
        Assert.Equal(HeadOf(refCsv), HeadOf(ourCsv));
        Assert.Equal(NormalizeCsv(BodyOf(refCsv)), NormalizeCsv(BodyOf(ourCsv)));

        foreach (var filter in new[] { "show stat 1 4 2\n", "show stat -1 2 -1\n", "show stat 2 -1 -1\n", "show stat 1 8 -1\n", "show stat 2\n" })
        {
            Assert.Equal(NormalizeCsv(pair.Ref.Cli(filter)), NormalizeCsv(pair.Ours.Cli(filter)));
        }
    }

    [ReferenceBinaryFact]
    public void ShowInfo_SameConfig_MatchesReferenceButPidUptimeAndTasks()
    {
        using var pair = Pair.Start();
        var r = NormalizeInfo(pair.Ref.Cli("show info\n"));
        var o = NormalizeInfo(pair.Ours.Cli("show info\n"));
        Assert.Equal(r, o);
        Assert.Contains("node: testnode\n", o, StringComparison.Ordinal);
    }

    [ReferenceBinaryFact]
    public void CliReplies_SameCommands_MatchReference()
    {
        using var pair = Pair.Start();
        string[] commands =
        [
            "help\n", "\n", "show foo\n", "set foo\n", "foo\n",
            "get weight web/s2\n", "get weight web\n", "get weight nope/s1\n", "get weight web/zz\n", "get weight #1/#2\n",
            "set weight web/s2 300\n", "set weight web/s2 120%\n", "set weight web/s2\n", "set weight web/zz 2\n",
            "set timeout cli x\n", "set timeout cli 0\n", "set timeout foo 3\n", "set timeout\n", "set timeout cli\n", "set timeout cli 5\n",
            "clear counters\n", "disable server web\n", "enable server nope/s1\n", "show sess 0x1234\n",
            "prompt\nprompt\n", "prompt\n\nquit\n", "show info;help\n", "quit\n",
            "set weight web/s2 50%\n", "get weight web/s2\n", "set weight web/s2 abc\n", "get weight web/s2\n", "set weight web/s2 3\n",
            "disable server web/s1\n", "show stat -1 4 -1\n", "enable server web/s1\n", "show stat -1 4 -1\n",
            "disable server be/w1\n", "enable server be/w1\n", "show stat 2 4 2\n", "clear counters all\n", "show stat\n",
        ];
        foreach (var c in commands)
        {
            var r = pair.Ref.Cli(c);
            var o = pair.Ours.Cli(c);
            Assert.True(Normalize(r) == Normalize(o), $"command {c.Replace("\n", "\\n", StringComparison.Ordinal)}:\n--- 1.4.25\n{r}\n--- haproxynet\n{o}");
        }
    }

    [ReferenceBinaryFact]
    public void Help_HaproxyNet_IsReferenceTextPlusItsOwnCommand()
    {
        using var pair = Pair.Start();
        var r = pair.Ref.Cli("help\n");
        var o = pair.Ours.Cli("help\n");
        Assert.Contains("show dynmaxconn", o, StringComparison.Ordinal);
        Assert.DoesNotContain("show dynmaxconn", r, StringComparison.Ordinal);
        Assert.Equal(r, WithoutOwnHelp(o));
    }

    [ReferenceBinaryFact]
    public void UserLevel_AdminCommands_PermissionDeniedAsReference()
    {
        var cfg = Config.Replace("level admin", "level user", StringComparison.Ordinal);
        using var pair = Pair.Start(cfg);
        foreach (var c in new[] { "show sess\n", "show errors\n", "clear counters\n", "clear counters all\n", "disable server web/s1\n", "enable server web/s1\n", "set weight web/s1 2\n", "get weight web/s1\n", "show info;show stat 1 4 1\n" })
        {
            Assert.Equal(Normalize(pair.Ref.Cli(c)), Normalize(pair.Ours.Cli(c)));
        }
    }

    [ReferenceBinaryFact]
    public void StatsPage_SameConfig_SameRowsAndCellsAsReference()
    {
        using var pair = Pair.Start();
        pair.Both(p => p.Http("WEB", "GET", "/x"));
        var r = pair.Ref.Http("WEB", "GET", "/st");
        var o = pair.Ours.Http("WEB", "GET", "/st");
        Assert.Equal(HeadOf(r), HeadOf(o));
        Assert.Equal(StatsPageShape.Rows(BodyOf(r)), StatsPageShape.Rows(BodyOf(o)));
        Assert.Equal(StatsPageShape.Forms(BodyOf(r)), StatsPageShape.Forms(BodyOf(o)));

        // ;up hides the DOWN backup, ;norefresh drops the Refresh header, HEAD has no body.
        Assert.Equal(StatsPageShape.Rows(BodyOf(pair.Ref.Http("WEB", "GET", "/st;up"))), StatsPageShape.Rows(BodyOf(pair.Ours.Http("WEB", "GET", "/st;up"))));
        Assert.Equal(HeadOf(pair.Ref.Http("WEB", "GET", "/st;norefresh")), HeadOf(pair.Ours.Http("WEB", "GET", "/st;norefresh")));
        Assert.Equal(pair.Ref.Http("WEB", "HEAD", "/st"), pair.Ours.Http("WEB", "HEAD", "/st"));
    }

    [ReferenceBinaryFact]
    public void AdminPost_DisableAndEnable_SameRedirectsAndStatesAsReference()
    {
        using var pair = Pair.Start();
        foreach (var body in new[] { "action=disable&s=s2", "b=%231&action=disable&s=s2", "s=s2&action=enable&b=%231", "b=%231&action=bogus&s=s2", "b=%231&action=disable&s=zz", "b=%231&action=disable&s=s2&s=zz" })
        {
            Assert.Equal(pair.Ref.Http("WEB", "POST", "/st", body), pair.Ours.Http("WEB", "POST", "/st", body));
            Assert.Equal(NormalizeCsv(pair.Ref.Cli("show stat 1 4 -1\n")), NormalizeCsv(pair.Ours.Cli("show stat 1 4 -1\n")));
        }
    }

    [ReferenceBinaryFact]
    public void StatsAuth_NoOrBadCredentials_401WithRealmAsReference()
    {
        var cfg = Config.Replace("    stats uri /st\n", "    stats uri /st\n    stats auth admin:secret\n    stats realm Ops\\ Only\n", StringComparison.Ordinal);
        using var pair = Pair.Start(cfg);
        Assert.Equal(pair.Ref.Http("WEB", "GET", "/st"), pair.Ours.Http("WEB", "GET", "/st"));
        var bad = "Authorization: Basic " + Convert.ToBase64String("admin:nope"u8) + "\r\n";
        Assert.Equal(pair.Ref.Http("WEB", "GET", "/st;csv", extraHeaders: bad), pair.Ours.Http("WEB", "GET", "/st;csv", extraHeaders: bad));
        var good = "Authorization: Basic " + Convert.ToBase64String("admin:secret"u8) + "\r\n";
        Assert.Equal(HeadOf(pair.Ref.Http("WEB", "GET", "/st;csv", extraHeaders: good)), HeadOf(pair.Ours.Http("WEB", "GET", "/st;csv", extraHeaders: good)));
    }

    internal static string WithoutOwnHelp(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("  show dynmaxconn", StringComparison.Ordinal))
            {
                sb.Append(line).Append('\n');
            }
        }

        return sb.ToString(0, sb.Length - 1);
    }

    private static string Normalize(string text) => NormalizeInfo(NormalizeCsv(WithoutOwnHelp(text)));

    internal static string HeadOf(string response)
    {
        var at = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return at < 0 ? response : response[..(at + 4)];
    }

    internal static string BodyOf(string response)
    {
        var at = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return at < 0 ? string.Empty : response[(at + 4)..];
    }

    /// <summary>Blanks the time-dependent CSV columns of data rows (lines with 51 fields); other lines unchanged.</summary>
    internal static string NormalizeCsv(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length != 52 || lines[i].StartsWith('#'))
            {
                continue;
            }

            foreach (var c in TimeColumns)
            {
                if (f[c].Length > 0)
                {
                    f[c] = "<t>";
                }
            }

            lines[i] = string.Join(',', f);
        }

        return string.Join('\n', lines);
    }

    /// <summary>Blanks the values of Pid, Uptime, Uptime_sec, Tasks and Run_queue in a show info report.</summary>
    internal static string NormalizeInfo(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var name in new[] { "Pid: ", "Uptime: ", "Uptime_sec: ", "Tasks: ", "Run_queue: " })
            {
                if (lines[i].StartsWith(name, StringComparison.Ordinal))
                {
                    lines[i] = name + "<n>";
                }
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The two processes on the same backends (a live HTTP server and a closed port).</summary>
    internal sealed class Pair : IDisposable
    {
        private readonly TinyHttpServer _backend;

        private Pair(TinyHttpServer backend, StatsProcess r, StatsProcess o)
        {
            _backend = backend;
            Ref = r;
            Ours = o;
        }

        public StatsProcess Ref { get; }

        public StatsProcess Ours { get; }

        public static Pair Start(string? config = null)
        {
            var backend = new TinyHttpServer();
            var dead = ClosedPort();
            var fixedPorts = new Dictionary<string, int> { ["BE"] = backend.Port, ["DEAD"] = dead };
            StatsProcess? r = null;
            try
            {
                r = StatsProcess.Start(StatsProcess.Reference!, config ?? Config, ["WEB", "TCP"], fixedPorts, "ref");
                var o = StatsProcess.Start(StatsProcess.HaproxyNet, config ?? Config, ["WEB", "TCP"], fixedPorts, "net");
                Thread.Sleep(1500); // the first checks ran: s1 UP, b1 DOWN on both
                return new Pair(backend, r, o);
            }
            catch
            {
                r?.Dispose();
                backend.Dispose();
                throw;
            }
        }

        public void Both(Action<StatsProcess> action)
        {
            action(Ref);
            action(Ours);
        }

        public void Dispose()
        {
            Ref.Dispose();
            Ours.Dispose();
            _backend.Dispose();
        }

        private static int ClosedPort()
        {
            using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)s.LocalEndPoint!).Port;
        }
    }
}
