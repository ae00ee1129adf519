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

            _h.Network.AddServer(EngineHarness.Ep(_ports[b.Name]), kind.Value);
        }

        return true;
    }

    /// <summary>Runs every step, the settle delay and the soft stop.</summary>
    public void Play()
    {
        var gap = Setting("gap_ms", 50);
        var clients = _root.GetProperty("clients");
        foreach (var step in _root.GetProperty("steps").EnumerateArray())
        {
            var stepGap = step.TryGetProperty("gap_ms", out var g) ? g.GetInt32() : gap;
            if (step.TryGetProperty("sleep_ms", out var sleep))
            {
                _h.RunFor(sleep.GetInt32());
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

    private static SimClientAction ParseAction(JsonElement a, int i)
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

        throw new NotSupportedException("client action not supported by the engine player: " + a);
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
