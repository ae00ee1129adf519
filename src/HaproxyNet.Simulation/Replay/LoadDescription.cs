using System.Globalization;
using System.Text;
using System.Text.Json;
using HaproxyNet.LogDiff.Input;
using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Simulation;

/// <summary>One simulated client: when it connects (ms after start), what it does, to which frontend.</summary>
/// <param name="Frontend">Frontend (or listen) name; null = the first proxy that has a listener.</param>
public sealed record LoadClient(long StartMs, IReadOnlyList<SimClientAction> Actions, SimCloseMode Close, string? Frontend);

/// <summary>A server changes behaviour at a time: <c>refuse</c> = it fails, <c>echo</c> = it is back.</summary>
public sealed record ServerEvent(long AtMs, string Server, SimServerKind Kind);

/// <summary>
/// What <c>simulate</c> plays: clients (arrival and hold), what each server does, and server failures at given
/// times. Read from a small JSON document or derived from an HAProxy log.
/// </summary>
public sealed class LoadDescription
{
    public List<LoadClient> Clients { get; } = [];

    /// <summary>Server name (or <c>proxy/server</c>) to its behaviour; others use <see cref="DefaultServer"/>.</summary>
    public Dictionary<string, SimServerKind> Servers { get; } = new(StringComparer.Ordinal);

    public SimServerKind DefaultServer { get; set; } = SimServerKind.Echo;

    /// <summary>Server name (or <c>proxy/server</c>) to its response time in ms; others use <see cref="DefaultResponseMs"/>.</summary>
    public Dictionary<string, int> ResponseMs { get; } = new(StringComparer.Ordinal);

    /// <summary>How long an echo server takes to answer, unless <see cref="ResponseMs"/> says otherwise.</summary>
    public int DefaultResponseMs { get; set; }

    public List<ServerEvent> Events { get; } = [];

    /// <summary>Virtual time after the last client finished, before the soft stop (as the golden harness: 50 + 300 ms).</summary>
    public long SettleMs { get; set; } = 350;

    /// <summary>Where the load came from, for the summary.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>
    /// Reads a load description:
    /// <code>
    /// { "clients": 8, "interval_ms": 150,            // or "arrivals_ms": [0, 150, ...], or
    ///                                               // "arrival": "poisson", "rate_per_s": 20, "seed": 1
    ///   "send": "JRMI\u0000\u0002K", "recv": 7,       // or "send_bytes": 100; both optional
    ///   "hold_ms": 7000,                              // connection kept open that long after connect
    ///   "close": "graceful",                          // or "reset", "wait"
    ///   "frontend": "rmi_registry",                   // default: the first proxy with a listener
    ///   "servers": { "rmi1": "echo",                  // echo (default), hold, close, refuse, blackhole
    ///                "rmi2": { "kind": "echo", "response_ms": 200 } },
    ///   "response_ms": 20,                            // echo servers' response time (default 0)
    ///   "events": [ { "at_ms": 2000, "server": "rmi1", "kind": "refuse" } ],
    ///   "settle_ms": 350 }
    /// </code>
    /// </summary>
    public static LoadDescription FromJson(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var load = new LoadDescription { Source = "load description" };
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("clients" or "interval_ms" or "arrivals_ms" or "send" or "send_bytes" or "recv" or "hold_ms" or "close"
                or "frontend" or "servers" or "default_server" or "events" or "settle_ms" or "description" or "start_ms" or "response_ms" or "arrival" or "rate_per_s" or "seed"))
            {
                // Never accept a setting and quietly not perform it.
                throw new FormatException("unknown load setting '" + property.Name + "'");
            }
        }

        var arrivals = new List<long>();
        if (root.TryGetProperty("arrivals_ms", out var list))
        {
            foreach (var a in list.EnumerateArray())
            {
                arrivals.Add(a.GetInt64());
            }
        }
        else
        {
            var count = root.TryGetProperty("clients", out var c) ? c.GetInt32() : 1;
            var interval = root.TryGetProperty("interval_ms", out var i) ? i.GetInt64() : 0;
            var first = root.TryGetProperty("start_ms", out var s) ? s.GetInt64() : 0;
            var pattern = root.TryGetProperty("arrival", out var a) ? a.GetString() : "uniform";
            if (pattern == "poisson")
            {
                // Exponential gaps from a seeded generator: the same load file gives the same arrivals.
                var rate = root.TryGetProperty("rate_per_s", out var r) ? r.GetDouble() : throw new FormatException("'arrival': 'poisson' needs 'rate_per_s'");
                var random = new Random(root.TryGetProperty("seed", out var seed) ? seed.GetInt32() : 1);
                var t = (double)first;
                for (var n = 0; n < count; n++)
                {
                    arrivals.Add((long)t);
                    t += -Math.Log(1 - random.NextDouble()) / rate * 1000;
                }
            }
            else if (pattern == "uniform")
            {
                for (var n = 0; n < count; n++)
                {
                    arrivals.Add(first + (n * interval));
                }
            }
            else
            {
                throw new FormatException("unknown arrival pattern '" + pattern + "' (uniform, poisson)");
            }
        }

        var actions = new List<SimClientAction>();
        if (root.TryGetProperty("send", out var send))
        {
            actions.Add(new SimClientAction.Send(Encoding.Latin1.GetBytes(send.GetString() ?? string.Empty)));
        }
        else if (root.TryGetProperty("send_bytes", out var sendBytes))
        {
            actions.Add(new SimClientAction.Send(Filler(sendBytes.GetInt32())));
        }

        if (root.TryGetProperty("recv", out var recv))
        {
            actions.Add(new SimClientAction.Recv(recv.GetInt32()));
        }

        if (root.TryGetProperty("hold_ms", out var hold))
        {
            actions.Add(new SimClientAction.HoldUntil(hold.GetInt32()));
        }

        var close = root.TryGetProperty("close", out var cm) ? CloseMode(cm.GetString()) : SimCloseMode.Graceful;
        var frontend = root.TryGetProperty("frontend", out var fe) ? fe.GetString() : null;
        foreach (var at in arrivals)
        {
            load.Clients.Add(new LoadClient(at, actions, close, frontend));
        }

        if (root.TryGetProperty("servers", out var servers))
        {
            foreach (var server in servers.EnumerateObject())
            {
                if (server.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var key in server.Value.EnumerateObject())
                    {
                        if (key.Name is not ("kind" or "response_ms"))
                        {
                            throw new FormatException("unknown server setting '" + key.Name + "' (kind, response_ms)");
                        }
                    }

                    load.Servers[server.Name] = server.Value.TryGetProperty("kind", out var kind) ? ServerKind(kind.GetString()) : SimServerKind.Echo;
                    if (server.Value.TryGetProperty("response_ms", out var ms))
                    {
                        load.ResponseMs[server.Name] = ms.GetInt32();
                    }
                }
                else
                {
                    load.Servers[server.Name] = ServerKind(server.Value.GetString());
                }
            }
        }

        if (root.TryGetProperty("response_ms", out var rms))
        {
            load.DefaultResponseMs = rms.GetInt32();
        }

        if (root.TryGetProperty("default_server", out var ds))
        {
            load.DefaultServer = ServerKind(ds.GetString());
        }

        if (root.TryGetProperty("events", out var events))
        {
            foreach (var e in events.EnumerateArray())
            {
                load.Events.Add(new ServerEvent(
                    e.GetProperty("at_ms").GetInt64(), e.GetProperty("server").GetString() ?? string.Empty, ServerKind(e.GetProperty("kind").GetString())));
            }
        }

        if (root.TryGetProperty("settle_ms", out var settle))
        {
            load.SettleMs = settle.GetInt64();
        }

        return load;
    }

    /// <summary>
    /// Derives a load from an HAProxy log (any form <see cref="SyslogRecordReader"/> reads): one client per session
    /// line, arriving at its accept date (relative to the first), sending the request (HTTP) or one byte (TCP), and
    /// keeping the connection open for its logged total time <c>Tt</c>. Its frontend is the logged one.
    /// </summary>
    public static LoadDescription FromLog(IReadOnlyList<SyslogRecord> records)
    {
        var load = new LoadDescription { Source = "HAProxy log" };
        var log = OperatorLog.FromRecords("log", records);
        if (log.Sessions.Count == 0)
        {
            throw new FormatException("the log has no session line (tcplog or httplog) to derive a load from");
        }

        var first = log.Sessions[0].Accepted;
        var byLine = new Dictionary<int, SyslogRecord>();
        foreach (var r in records)
        {
            byLine[r.LineNumber] = r;
        }

        foreach (var session in log.Sessions)
        {
            var record = byLine[session.LineNumber];
            var parsed = LogLineParser.Parse("<0>SYSLOG_DATE t[1]: " + record.Message);
            var tt = parsed[LogFieldNames.Tt] is { } t && long.TryParse(t.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 0;
            var actions = new List<SimClientAction>();
            var request = parsed[LogFieldNames.Request];
            actions.Add(new SimClientAction.Send(request is null ? [(byte)'x'] : Encoding.Latin1.GetBytes(request + "\r\n\r\n")));
            actions.Add(new SimClientAction.HoldUntil((int)Math.Max(0, tt)));
            var startMs = (long)(session.Accepted - first).TotalMilliseconds;
            load.Clients.Add(new LoadClient(startMs, actions, SimCloseMode.Graceful, parsed[LogFieldNames.Frontend]));
        }

        return load;
    }

    private static byte[] Filler(int n)
    {
        var data = new byte[n];
        for (var k = 0; k < n; k++)
        {
            data[k] = (byte)('a' + (k % 26));
        }

        return data;
    }

    private static SimCloseMode CloseMode(string? text) => text switch
    {
        "graceful" or null => SimCloseMode.Graceful,
        "reset" => SimCloseMode.Reset,
        "wait" => SimCloseMode.Wait,
        "close" => SimCloseMode.Close,
        _ => throw new FormatException("unknown close mode '" + text + "' (graceful, reset, wait, close)"),
    };

    internal static SimServerKind ServerKind(string? text) => text switch
    {
        "echo" => SimServerKind.Echo,
        "hold" => SimServerKind.Hold,
        "close" => SimServerKind.Close,
        "refuse" => SimServerKind.Refuse,
        "blackhole" => SimServerKind.Blackhole,
        _ => throw new FormatException("unknown server behaviour '" + text + "' (echo, hold, close, refuse, blackhole)"),
    };
}
