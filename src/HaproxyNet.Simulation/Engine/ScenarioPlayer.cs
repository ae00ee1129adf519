using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HaproxyNet.Testing.Engine;

/// <summary>
/// Plays a golden's <c>scenario.json</c> on an <see cref="EngineHarness"/> with the log-compare harness's timing:
/// sequential clients run to completion, parallel groups start <c>stagger_ms</c> apart, <c>gap_ms</c> after each,
/// then <c>settle_ms</c> and SIGUSR1. Backends are declared by the test (it builds the proxies).
/// </summary>
public sealed partial class ScenarioPlayer
{
    private readonly EngineHarness _h;
    private readonly IReadOnlyDictionary<string, int> _ports;
    private readonly JsonElement _root;
    private readonly Dictionary<string, SimServerKind> _kinds = [];

    /// <param name="ports">Placeholder name (e.g. FE_PORT) to the port the test bound.</param>
    public ScenarioPlayer(EngineHarness harness, string scenarioJson, IReadOnlyDictionary<string, int> ports)
    {
        _h = harness;
        _ports = ports;
        _root = JsonDocument.Parse(scenarioJson).RootElement;
    }

    /// <summary>
    /// Declares the scenario's <c>backends</c> on the simulated network (echo, hang, close, refuse); returns false if
    /// one has a type the simulation does not script (http).
    /// </summary>
    public bool AddBackends()
    {
        if (!_root.TryGetProperty("backends", out var backends))
        {
            return true;
        }

        foreach (var b in backends.EnumerateObject())
        {
            var kind = b.Value.GetProperty("type").GetString() switch
            {
                "http" => SimServerKind.Http,
                "echo" => SimServerKind.Echo,
                "hang" => SimServerKind.Hold,
                "close" => SimServerKind.Close,
                "refuse" => SimServerKind.Refuse,
                _ => (SimServerKind?)null,
            };
            if (kind is null)
            {
                return false;
            }

            var srv = _h.Network.AddServer(EngineHarness.Ep(_ports[b.Name]), kind.Value);
            if (kind == SimServerKind.Http)
            {
                srv.Http = ParseHttpBehavior(b.Value, null);
            }

            if (b.Value.TryGetProperty("banner", out var banner))
            {
                srv.Banner = Encoding.UTF8.GetBytes(banner.GetString()!); // the harnesses send it UTF-8 encoded
            }

            _kinds[b.Name] = kind.Value;
            if (b.Value.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.False)
            {
                srv.Kind = SimServerKind.Refuse;
            }
        }

        return true;
    }

    /// <summary>Runs every step, the settle delay and the soft stop.</summary>
    public void Play()
    {
        var gap = Setting("gap_ms", 50);
        var clients = _root.TryGetProperty("clients", out var cl) ? cl : default;
        foreach (var step in _root.GetProperty("steps").EnumerateArray())
        {
            var stepGap = step.TryGetProperty("gap_ms", out var g) ? g.GetInt32() : gap;
            if (step.TryGetProperty("sleep_ms", out var sleep))
            {
                _h.RunFor(sleep.GetInt32());
                continue;
            }

            if (step.TryGetProperty("wait_log", out var pattern))
            {
                WaitLog(pattern.GetString()!, step.TryGetProperty("count", out var cnt) ? cnt.GetInt32() : 1,
                    step.TryGetProperty("timeout_ms", out var tmo) ? tmo.GetInt32() : 10000);
                continue;
            }

            if (step.TryGetProperty("backend", out var backend))
            {
                SetBackend(backend.GetString()!, step.GetProperty("do").GetString()!);
                continue;
            }

            if (!step.TryGetProperty("client", out var clientRef))
            {
                throw new NotSupportedException("scenario step not supported by the engine player: " + step);
            }

            var def = clientRef.ValueKind == JsonValueKind.String ? clients.GetProperty(clientRef.GetString()!) : clientRef;
            var repeat = step.TryGetProperty("repeat", out var r) ? r.GetInt32() : 1;
            var parallel = step.TryGetProperty("parallel", out var p) && p.ValueKind == JsonValueKind.True;
            var stagger = step.TryGetProperty("stagger_ms", out var st) ? st.GetInt32() : 0;
            if (parallel)
            {
                var group = new List<SimClient>();
                for (var i = 1; i <= repeat; i++)
                {
                    group.Add(AddClient(def, i, (i - 1) * stagger));
                }

                _h.RunUntil(() => group.TrueForAll(c => c.Done));
                _h.RunFor(stepGap);
            }
            else
            {
                for (var i = 1; i <= repeat; i++)
                {
                    var c = AddClient(def, i, 0);
                    _h.RunUntil(() => c.Done);
                    _h.RunFor(stepGap);
                }
            }
        }

        _h.RunFor(Setting("settle_ms", 300));
        _h.SoftStopAndDrain();
    }

    /// <summary>wait_log: runs until <paramref name="count"/> captured messages match the pattern (a regex search).</summary>
    private void WaitLog(string pattern, int count, int timeoutMs)
    {
        var re = new Regex(pattern);
        bool Done()
        {
            var n = 0;
            foreach (var e in _h.Log.Entries)
            {
                if (re.IsMatch(e.Message))
                {
                    n++;
                }
            }

            return n >= count;
        }

        if (!_h.RunUntil(Done, timeoutMs))
        {
            throw new TimeoutException($"wait_log '{pattern}' x{count} timed out after {timeoutMs} ms");
        }
    }

    /// <summary>Backend steps: <c>stop</c> (nothing listens any more; open connections stay, as a graceful stop) and <c>start</c>.</summary>
    private void SetBackend(string name, string action)
    {
        var srv = _h.Network.ServerAt(EngineHarness.Ep(_ports[name])) ?? throw new InvalidOperationException("unknown backend " + name);
        srv.Kind = action switch
        {
            "stop" => SimServerKind.Refuse,
            "start" => _kinds[name],
            _ => throw new NotSupportedException("backend action not supported by the engine player: " + action),
        };
    }

    private int Setting(string name, int fallback) => _root.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;

    private SimClient AddClient(JsonElement def, int i, int delayMs)
    {
        var port = _ports[def.GetProperty("port").GetString()!];
        var actions = new List<SimClientAction>();
        if (def.TryGetProperty("actions", out var list))
        {
            foreach (var a in list.EnumerateArray())
            {
                actions.Add(ParseAction(a, i));
            }
        }

        var close = def.TryGetProperty("close", out var cm) ? cm.GetString() switch
        {
            "wait" => SimCloseMode.Wait,
            "close" => SimCloseMode.Close,
            "reset" => SimCloseMode.Reset,
            _ => SimCloseMode.Graceful,
        } : SimCloseMode.Graceful;
        return _h.AddClient(port, delayMs, actions, close);
    }

    private SimClientAction ParseAction(JsonElement a, int i)
    {
        if (a.TryGetProperty("send", out var send))
        {
            return new SimClientAction.Send(Encoding.Latin1.GetBytes(send.GetString()!));
        }

        if (a.TryGetProperty("send_bytes", out var sb))
        {
            var n = Number(sb, i);
            var data = new byte[n];
            for (var k = 0; k < n; k++)
            {
                data[k] = (byte)('a' + (k % 26));
            }

            return new SimClientAction.Send(data);
        }

        if (a.TryGetProperty("recv", out var recv))
        {
            return new SimClientAction.Recv(Number(recv, i));
        }

        if (a.TryGetProperty("recv_until_close", out _))
        {
            return new SimClientAction.Recv(int.MaxValue);
        }

        if (a.TryGetProperty("hold_until_ms", out var hold))
        {
            return new SimClientAction.HoldUntil(Number(hold, i));
        }

        if (a.TryGetProperty("sleep_ms", out var sleep))
        {
            return new SimClientAction.Sleep(Number(sleep, i));
        }

        if (a.TryGetProperty("shutdown", out _))
        {
            return new SimClientAction.ShutdownWrite();
        }

        if (a.TryGetProperty("recv_until_close", out _))
        {
            return new SimClientAction.RecvUntilClose();
        }

        if (a.TryGetProperty("http", out var http))
        {
            return ParseHttp(http, i);
        }

        throw new NotSupportedException("client action not supported by the engine player: " + a);
    }

    /// <summary>The harness's "http" client action: method, path, version, headers (in order), body with Content-Length.</summary>
    private SimClientAction.Http ParseHttp(JsonElement h, int i)
    {
        var method = h.TryGetProperty("method", out var m) ? m.GetString()! : "GET";
        var path = Substitute(h.TryGetProperty("path", out var p) ? p.GetString()! : "/", i);
        var version = h.TryGetProperty("version", out var v) ? v.GetString()! : "1.1";
        var body = h.TryGetProperty("body", out var b) ? b.GetString()! : string.Empty;
        var sb = new StringBuilder();
        sb.Append(method).Append(' ').Append(path).Append(" HTTP/").Append(version).Append("\r\n");
        var hasLength = false;
        if (h.TryGetProperty("headers", out var headers))
        {
            foreach (var kv in headers.EnumerateObject())
            {
                hasLength |= kv.Name.Equals("content-length", StringComparison.OrdinalIgnoreCase);
                sb.Append(kv.Name).Append(": ").Append(Substitute(SubstitutePorts(kv.Value.GetString()!), i)).Append("\r\n");
            }
        }

        if (body.Length > 0 && !hasLength)
        {
            sb.Append("Content-Length: ").Append(Encoding.Latin1.GetByteCount(body)).Append("\r\n");
        }

        sb.Append("\r\n").Append(body);
        return new SimClientAction.Http(Encoding.Latin1.GetBytes(sb.ToString()), method == "HEAD");
    }

    /// <summary><c>${i}</c>, <c>${i*K}</c>, <c>${i+M}</c>, <c>${i*K+M}</c> in a text.</summary>
    private static string Substitute(string text, int i) => Substitution().Replace(text, m =>
    {
        var k = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        var add = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return ((i * k) + add).ToString(CultureInfo.InvariantCulture);
    });

    private string SubstitutePorts(string text)
    {
        foreach (var (name, port) in _ports)
        {
            text = text.Replace("${" + name + "}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    private static SimHttpBehavior ParseHttpBehavior(JsonElement e, SimHttpBehavior? parent)
    {
        var b = parent ?? new SimHttpBehavior();
        var headers = new List<KeyValuePair<string, string>>(b.Headers);
        if (e.TryGetProperty("headers", out var hs))
        {
            headers.Clear();
            foreach (var kv in hs.EnumerateObject())
            {
                headers.Add(new(kv.Name, kv.Value.GetString()!));
            }
        }

        var r = b with
        {
            Status = e.TryGetProperty("status", out var st) ? st.GetInt32() : b.Status,
            Body = e.TryGetProperty("body", out var body) ? body.GetString()! : b.Body,
            DelayMs = e.TryGetProperty("delay_ms", out var d) ? d.GetInt32() : b.DelayMs,
            BodyDelayMs = e.TryGetProperty("body_delay_ms", out var bd) ? bd.GetInt32() : b.BodyDelayMs,
            Close = e.TryGetProperty("close", out var c) ? c.GetBoolean() : b.Close,
            Headers = headers,
            Routes = new Dictionary<string, SimHttpBehavior>(),
        };
        if (parent is null && e.TryGetProperty("routes", out var routes))
        {
            var map = new Dictionary<string, SimHttpBehavior>();
            foreach (var route in routes.EnumerateObject())
            {
                map[route.Name] = ParseHttpBehavior(route.Value, r);
            }

            r = r with { Routes = map };
        }

        return r;
    }

    /// <summary>A number, or a string with <c>${i}</c>, <c>${i*K}</c>, <c>${i+M}</c>, <c>${i*K+M}</c> substitutions.</summary>
    private static int Number(JsonElement v, int i)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetInt32();
        }

        var text = Substitution().Replace(v.GetString()!, m =>
        {
            var k = m.Groups[1].Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
            var add = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            return ((i * k) + add).ToString(CultureInfo.InvariantCulture);
        });
        return int.Parse(text, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\$\{i(?:\*(\d+))?(?:\+(\d+))?\}")]
    private static partial Regex Substitution();
}
