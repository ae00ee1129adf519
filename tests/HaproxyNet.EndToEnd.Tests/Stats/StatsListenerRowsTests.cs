using System.Text.RegularExpressions;
using HaproxyNet.EndToEnd.Tests.Support;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// <c>option socket-stats</c> on the stats page: one row per listener after the frontend's, named by
/// <c>bind ... name</c> or <c>sock-&lt;id&gt;</c>, with <c>stats show-legends</c> adding its address and id; the same
/// name in the CSV. Compared with 1.4.25 on the same configuration and requests (listening ports normalised).
/// </summary>
[Collection("stats")]
public sealed partial class StatsListenerRowsTests
{
    private const string Config = """
        global
            stats socket {SOCK} level admin
        defaults
            mode http
            timeout connect 1s
            timeout client 5s
            timeout server 5s
        listen web
            bind 127.0.0.1:{WEB}
            bind 127.0.0.1:{WEB2} name second
            option socket-stats
            stats enable
            stats uri /st
            stats show-legends
            stats admin if TRUE
            server s1 127.0.0.1:{BE}

        """;

    [ReferenceBinaryFact]
    public void StatsPage_SocketStatsAndLegends_SameListenerRowsAsReference()
    {
        using var backend = new TinyHttpServer();
        var r = Observe(StatsProcess.Reference!, backend, "ref");
        var o = Observe(StatsProcess.HaproxyNet, backend, "net");
        Assert.Equal(r.Rows, o.Rows);
        Assert.Equal(r.Sockets, o.Sockets);
        Assert.Equal(r.Csv, o.Csv);
        Assert.Equal(2, o.Sockets.Count);
        Assert.Contains("second", o.Sockets[1], StringComparison.Ordinal);
    }

    private sealed record Observed(List<string> Rows, List<string> Sockets, string Csv);

    private static Observed Observe(IReadOnlyList<string> command, TinyHttpServer backend, string tag)
    {
        using var p = StatsProcess.Start(command, Config, ["WEB", "WEB2"], new Dictionary<string, int> { ["BE"] = backend.Port }, "lsn-" + tag);
        Assert.Contains("200 OK", p.Http("WEB2", "GET", "/x"), StringComparison.Ordinal);
        var page = StatsConformanceTests.BodyOf(p.Http("WEB", "GET", "/st"));
        var sockets = StatsPageShape.SocketRows(page).ConvertAll(row => PortRegex().Replace(row, ":<port>,"));
        var csv = p.Cli("show stat -1 8 -1\n");
        return new Observed(StatsPageShape.Rows(page), sockets, StatsConformanceTests.NormalizeCsv(WithoutBytesOut(csv)));
    }

    /// <summary>Blanks bout (column 9): sock-1 sent the page, whose markup is HaproxyNet's own (its cells are 1.4's).</summary>
    private static string WithoutBytesOut(string csv)
    {
        var lines = csv.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            if (f.Length > 9 && !lines[i].StartsWith('#'))
            {
                f[9] = "<bytes>";
                lines[i] = string.Join(',', f);
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@":\d+,")]
    private static partial Regex PortRegex();
}
