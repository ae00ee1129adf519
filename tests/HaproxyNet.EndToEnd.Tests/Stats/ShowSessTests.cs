using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HaproxyNet.EndToEnd.Tests.Support;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// <c>show sess</c> and <c>show sess &lt;id&gt;</c> on the reference 1.4.25 and haproxynet holding the same three
/// sessions (one waiting for a slow server, one with half a request, one that sent nothing): the same lines and
/// fields in the same order, with the same frontends, backends, servers, buffer lengths, analysers and stream
/// interface states.
/// </summary>
/// <remarks>
/// Normalised, because they are addresses, timing or engine internals: the session handle and pointers, client
/// ports, file descriptors, task state and call counts, whether the task sat in the run queue (` run(nice=0)`),
/// ages and expiry times, buffer and transaction flags, stream interface flags (1.4 marks each TCP side as
/// splice-capable), the creation date; the line of the asking <c>unix_stream</c> CLI connection (not a session in
/// HaproxyNet).
/// </remarks>
[Collection("stats")]
public sealed partial class ShowSessTests
{
    private const string Config = """
        global
            stats socket {SOCK} level admin
        defaults
            mode http
            timeout connect 1s
            timeout client 10s
            timeout server 10s
        frontend fe
            bind 127.0.0.1:{FE}
            default_backend be
        frontend fe2
            bind 127.0.0.1:{FE2}
            default_backend be
        backend be
            server s1 127.0.0.1:{BE}
        listen li
            bind 127.0.0.1:{LI}
            server s3 127.0.0.1:{BE}

        """;

    [ReferenceBinaryFact]
    public void ShowSess_SameHeldSessions_SameLinesAndDumpAsReference()
    {
        using var slow = new TinyHttpServer(_ =>
        {
            Thread.Sleep(4000);
            return "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n"u8.ToArray();
        });
        var r = Observe(StatsProcess.Reference!, slow, "ref");
        var o = Observe(StatsProcess.HaproxyNet, slow, "net");
        Assert.Equal(NormalizeList(r.List), NormalizeList(o.List));
        Assert.Equal(NormalizeDump(r.Dump), NormalizeDump(o.Dump));
        Assert.Equal(r.Missing, o.Missing);
        Assert.Contains("fe=fe2 be=<NONE> srv=<none>", NormalizeList(o.List), StringComparison.Ordinal);
        Assert.Contains("  backend=be (id=3 mode=http) server=s1 (id=1)\n", NormalizeDump(o.Dump), StringComparison.Ordinal);
    }

    private sealed record Observed(string List, string Dump, string Missing);

    private static Observed Observe(IReadOnlyList<string> command, TinyHttpServer backend, string tag)
    {
        using var p = StatsProcess.Start(command, Config, ["FE", "FE2", "LI"], new Dictionary<string, int> { ["BE"] = backend.Port }, "sess-" + tag);
        var held = new List<Socket>();
        try
        {
            // One at a time, each seen by show sess before the next, so the order is the order of arrival.
            held.Add(Hold(p, "FE", "GET /x HTTP/1.0\r\nHost: x\r\n\r\n", "srv=s1 "));
            held.Add(Hold(p, "LI", "GET /y HTTP/1.0\r\n", "fe=li "));
            held.Add(Hold(p, "FE2", string.Empty, "fe=fe2 "));
            var list = p.Cli("show sess\n");
            var handle = Regex.Match(list, @"^(0x[0-9a-f]+): proto=tcpv4 [^\n]* fe=fe be=be ", RegexOptions.Multiline).Groups[1].Value;
            Assert.NotEmpty(handle);
            return new Observed(list, p.Cli("show sess " + handle + "\n"), p.Cli("show sess 0x7fffffff\n"));
        }
        finally
        {
            foreach (var s in held)
            {
                s.Dispose();
            }
        }
    }

    /// <summary>Connects to <paramref name="port"/>, sends <paramref name="request"/>, waits until show sess lists a line with <paramref name="mark"/>.</summary>
    private static Socket Hold(StatsProcess p, string port, string request, string mark)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect(new IPEndPoint(IPAddress.Loopback, p.Ports[port]));
        if (request.Length > 0)
        {
            s.Send(Encoding.Latin1.GetBytes(request));
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            var list = p.Cli("show sess\n");
            if (list.Contains(mark, StringComparison.Ordinal) && (mark != "srv=s1 " || list.Contains("an=800h", StringComparison.Ordinal)))
            {
                return s;
            }

            Thread.Sleep(20);
        }

        s.Dispose();
        throw new TimeoutException("session on " + port + " not listed");
    }

    internal static string NormalizeList(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains("proto=unix_stream", StringComparison.Ordinal))
            {
                continue;
            }

            var l = HandleRegex().Replace(line, "<p>:");
            l = PortRegex().Replace(l, ":<port> ");
            l = FieldRegex().Replace(l, m => m.Groups[1].Value + "=<n>");
            l = SiRegex().Replace(l, m => m.Groups[1].Value + "=[" + m.Groups[2].Value + ",<f>,fd=<fd>,ex=<t>]");
            l = RunQueueRegex().Replace(l, string.Empty); // " run(nice=N)": the task was queued to run at that instant
            sb.Append(l).Append('\n');
        }

        return sb.ToString();
    }

    internal static string NormalizeDump(string text)
    {
        var t = PointerRegex().Replace(text, "$1<p>");
        t = IdRegex().Replace(t, "<p>: id=<n>,"); // the id depends on the number of CLI polls
        t = PortRegex().Replace(t, ":<port> ");
        t = PortEndRegex().Replace(t, ":<port>\n");
        t = TaskRegex().Replace(t, "(state=<n> nice=$1 calls=<n> exp=<t>)");
        t = AgeRegex().Replace(t, "(age=<t>)");
        t = CreatedRegex().Replace(t, "[<date>]");
        t = SiDumpRegex().Replace(t, "(state=$1 flags=<f> fd=<fd> exp=<t>, et=$2)");
        t = TxnRegex().Replace(t, "(flags=<f> meth=");
        t = BufRegex().Replace(t, "(f=<f> an=");
        t = ExpiriesRegex().Replace(t, "an_exp=<t> rex=<t> wex=<t>");
        t = OffsetsRegex().Replace(t, "r=<n> w=<n> lr=<n>");
        return t;
    }

    [GeneratedRegex(@" run\(nice=-?\d+\)$")]
    private static partial Regex RunQueueRegex();

    [GeneratedRegex("^0x[0-9a-f]+:")]
    private static partial Regex HandleRegex();

    [GeneratedRegex(@":\d+ ")]
    private static partial Regex PortRegex();

    [GeneratedRegex(@":\d+\n")]
    private static partial Regex PortEndRegex();

    [GeneratedRegex(@"\b(ts|age|calls|f|rx|wx|ax|exp)=[0-9a-z?]*h?")]
    private static partial Regex FieldRegex();

    [GeneratedRegex(@"\b(s[01])=\[(\d+),[0-9a-f]+h,fd=-?\d+,ex=[0-9a-z?]*\]")]
    private static partial Regex SiRegex();

    [GeneratedRegex(@"(^|srv_conn=|pend_pos=|task=|si\[\d\]=|txn=|req=|res=|data=)0x[0-9a-f]+", RegexOptions.Multiline)]
    private static partial Regex PointerRegex();

    [GeneratedRegex(@"^<p>: id=\d+,")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"\(state=0x[0-9a-f]+ nice=(-?\d+) calls=\d+ exp=[^)]*\)")]
    private static partial Regex TaskRegex();

    [GeneratedRegex(@"\(age=[^)]*\)")]
    private static partial Regex AgeRegex();

    [GeneratedRegex(@"\(state=(\d+) flags=0x[0-9a-f]+ fd=-?\d+ exp=[^,]*, et=(0x[0-9a-f]+)\)")]
    private static partial Regex SiDumpRegex();

    [GeneratedRegex(@"\(flags=0x[0-9a-f]+ meth=")]
    private static partial Regex TxnRegex();

    [GeneratedRegex(@"\(f=0x[0-9a-f]+ an=")]
    private static partial Regex BufRegex();

    [GeneratedRegex(@"an_exp=\S+ rex=\S+ wex=\S+")]
    private static partial Regex ExpiriesRegex();

    [GeneratedRegex(@"r=\d+ w=\d+ lr=\d+")]
    private static partial Regex OffsetsRegex();

    [GeneratedRegex(@"\[\d\d/\w\w\w/\d{4}:\d\d:\d\d:\d\d\.\d{6}\]")]
    private static partial Regex CreatedRegex();
}
