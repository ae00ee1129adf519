using System.Diagnostics;
using System.Globalization;
using System.Net;
using HaproxyNet.Config;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.LogDiff.Parsing;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Simulation;

/// <summary>
/// Runs a configuration (through the production config loader and <see cref="RuntimeBuilder"/>) on the simulated
/// network in virtual time with a <see cref="LoadDescription"/>, sampling per-server sessions, dynamic maxconn and
/// queue depths as it goes. The same load gives the same result every time.
/// </summary>
public static class SimulationRunner
{
    /// <summary>The syslog tag the simulated process writes (argv[0]'s basename).</summary>
    public const string Tag = "haproxynet";

    /// <summary>The simulated process id.</summary>
    public const int Pid = 1;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Runs <paramref name="load"/> on <paramref name="config"/> (a loaded, valid document).</summary>
    /// <param name="stepMs">Sampling step of the timeline, in virtual milliseconds.</param>
    /// <param name="maxMs">Virtual time after which the clients still running are abandoned and the proxy is stopped.</param>
    public static SimulationResult Run(Config.Model.ConfigDocument config, LoadDescription load, int stepMs = 10, long maxMs = 600_000)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(load);
        var watch = Stopwatch.StartNew();
        var h = new EngineHarness(RuntimeBuilder.BuildGlobal(config));
        RuntimeBuilder.BuildProxies(config, h.Loop);

        var series = new List<(Proxy Backend, Server Server)>();
        var backends = new List<Proxy>();
        var servers = new Dictionary<string, SimServer>(StringComparer.Ordinal);
        foreach (var p in h.Loop.Proxies)
        {
            if (p.Servers.Count > 0)
            {
                backends.Add(p);
            }

            foreach (var s in p.Servers)
            {
                series.Add((p, s));
                if (s.Address is null)
                {
                    continue;
                }

                var kind = load.Servers.TryGetValue(p.Name + "/" + s.Name, out var k) || load.Servers.TryGetValue(s.Name, out k) ? k : load.DefaultServer;
                var sim = h.Network.AddServer(s.Address, kind);
                sim.ResponseMs = load.ResponseMs.TryGetValue(p.Name + "/" + s.Name, out var ms) || load.ResponseMs.TryGetValue(s.Name, out ms) ? ms : load.DefaultResponseMs;
                servers[p.Name + "/" + s.Name] = sim;
            }
        }

        foreach (var name in load.Servers.Keys)
        {
            if (!servers.ContainsKey(name) && !ContainsServer(servers, name))
            {
                throw new ArgumentException("the load names server '" + name + "' which the configuration does not have");
            }
        }

        h.Start();

        // Starting the proxies runs a first loop turn that may move the clock: the load's times count from here.
        var startUs = h.Time.NowUs;
        var baseMs = h.ElapsedMs;
        var clients = new List<SimClient>();
        foreach (var c in load.Clients)
        {
            var target = FrontendEndPoint(h, c.Frontend);
            clients.Add(h.Network.AddClient(target, startUs + (c.StartMs * 1000L), c.Actions, c.Close));
        }

        var events = new List<ServerEvent>(load.Events);
        events.Sort((x, y) => x.AtMs.CompareTo(y.AtMs));
        foreach (var e in events)
        {
            if (!servers.ContainsKey(e.Server) && !ContainsServer(servers, e.Server))
            {
                throw new ArgumentException("an event names server '" + e.Server + "' which the configuration does not have");
            }
        }

        var samples = new List<TimelineSample>();
        var lines = new List<SimulatedLogLine>();
        var nextEvent = 0;
        var loggedUpTo = 0;
        long doneAt = -1;
        Sample(h, baseMs, backends, series, samples);
        Collect(h, baseMs, lines, ref loggedUpTo);
        while (!h.Loop.Exited)
        {
            var now = h.ElapsedMs - baseMs;
            while (nextEvent < events.Count && events[nextEvent].AtMs <= now)
            {
                foreach (var (name, server) in servers)
                {
                    if (name == events[nextEvent].Server || name.EndsWith("/" + events[nextEvent].Server, StringComparison.Ordinal))
                    {
                        server.Kind = events[nextEvent].Kind;
                    }
                }

                nextEvent++;
            }

            var allDone = clients.TrueForAll(c => c.Done) && nextEvent >= events.Count;
            if (allDone && doneAt < 0)
            {
                doneAt = now;
            }

            if ((doneAt >= 0 && now >= doneAt + load.SettleMs) || now >= maxMs)
            {
                h.SoftStopAndDrain();
                Collect(h, baseMs, lines, ref loggedUpTo);
                break;
            }

            var step = stepMs;
            if (nextEvent < events.Count)
            {
                step = (int)Math.Clamp(events[nextEvent].AtMs - now, 1, stepMs);
            }

            h.RunFor(step);
            Sample(h, baseMs, backends, series, samples);
            Collect(h, baseMs, lines, ref loggedUpTo);
        }

        var names = new List<SeriesName>(series.Count);
        foreach (var (b, s) in series)
        {
            names.Add(new SeriesName(b.Name, s.Name));
        }

        var backendNames = new List<string>(backends.Count);
        foreach (var b in backends)
        {
            backendNames.Add(b.Name);
        }

        var expirations = new List<Expiration>();
        var summary = Summarize(lines, clients.Count, expirations);
        summary.MaxBackendQueue = 0;
        foreach (var sample in samples)
        {
            foreach (var q in sample.BackendQueues)
            {
                summary.MaxBackendQueue = Math.Max(summary.MaxBackendQueue, q);
            }
        }

        for (var i = 0; i < series.Count; i++)
        {
            int min = int.MaxValue, max = 0, served = 0;
            foreach (var sample in samples)
            {
                var s = sample.Servers[i];
                served = Math.Max(served, s.Served);
                if (s.Limit > 0 && (s.Served > 0 || s.Queue > 0 || sample.BackendQueues[backends.IndexOf(series[i].Backend)] > 0))
                {
                    min = Math.Min(min, s.Limit);
                    max = Math.Max(max, s.Limit);
                }
            }

            summary.Limits.Add((series[i].Backend.Name + "/" + series[i].Server.Name, min == int.MaxValue ? 0 : min, max, served));
        }

        return new SimulationResult
        {
            Lines = lines,
            Backends = backendNames,
            Servers = names,
            Samples = samples,
            Expirations = expirations,
            Summary = summary,
            DurationMs = h.ElapsedMs - baseMs,
            Elapsed = watch.Elapsed,
        };
    }

    /// <summary>The 1.4 datagram text of a message sent at <paramref name="at"/> (UTC, the simulation's zone).</summary>
    public static string Frame(int priority, DateTimeOffset at, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"<{priority}>{Months[at.Month - 1]} {at.Day,2} {at:HH:mm:ss} {Tag}[{Pid}]: {message}");

    private static bool ContainsServer(Dictionary<string, SimServer> servers, string name)
    {
        foreach (var key in servers.Keys)
        {
            if (key.EndsWith("/" + name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IPEndPoint FrontendEndPoint(EngineHarness h, string? frontend)
    {
        foreach (var p in h.Loop.Proxies)
        {
            if ((frontend is null || p.Name == frontend) && p.Listeners.Count > 0)
            {
                var ep = p.Listeners[0].EndPoint;
                return ep;
            }
        }

        throw new ArgumentException(frontend is null
            ? "the configuration has no frontend or listen section with a bind line"
            : "no frontend or listen section named '" + frontend + "' with a bind line");
    }

    private static void Sample(EngineHarness h, long baseMs, List<Proxy> backends, List<(Proxy Backend, Server Server)> series, List<TimelineSample> samples)
    {
        var queues = new int[backends.Count];
        for (var i = 0; i < backends.Count; i++)
        {
            queues[i] = backends[i].NbPend;
        }

        var nowSeconds = h.Time.NowUs / 1_000_000;
        var states = new ServerSample[series.Count];
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i].Server;
            var limit = s.MaxConn > 0 ? DynamicMaxconn.SrvDynamicMaxconn(s, nowSeconds) : 0;
            states[i] = new ServerSample(s.Served, limit, s.NbPend);
        }

        samples.Add(new TimelineSample(h.ElapsedMs - baseMs, queues, states));
    }

    private static void Collect(EngineHarness h, long baseMs, List<SimulatedLogLine> lines, ref int loggedUpTo)
    {
        var entries = h.Log.Entries;
        var at = h.Time.GetUtcNow();
        for (; loggedUpTo < entries.Count; loggedUpTo++)
        {
            var (pri, message) = entries[loggedUpTo];
            var text = message.TrimEnd('\n');
            lines.Add(new SimulatedLogLine(h.ElapsedMs - baseMs, pri, Frame(pri, at, text), text));
        }
    }

    private static SimulationSummary Summarize(List<SimulatedLogLine> lines, int clients, List<Expiration> expirations)
    {
        var summary = new SimulationSummary { Clients = clients };
        foreach (var line in lines)
        {
            var parsed = LogLineParser.Parse("<" + line.Priority.ToString(CultureInfo.InvariantCulture) + ">SYSLOG_DATE " + Tag + "[1]: " + line.Message);
            if (parsed.Kind is not (LogLineKind.TcpLog or LogLineKind.HttpLog))
            {
                continue;
            }

            summary.Sessions++;
            var state = parsed[LogFieldNames.TerminationState] ?? "--";
            summary.TerminationStates[state] = summary.TerminationStates.GetValueOrDefault(state) + 1;
            var server = parsed[LogFieldNames.Server] ?? string.Empty;
            if (server != "<NOSRV>" && parsed[LogFieldNames.Tc] != "-1")
            {
                summary.Served++;
            }

            var tw = parsed[LogFieldNames.Tw];
            if (parsed[LogFieldNames.SrvQueue] != "0" || parsed[LogFieldNames.BackendQueue] != "0" || (tw is not null && tw != "0" && tw != "-1"))
            {
                summary.Queued++;
            }

            if (state[0] != '-')
            {
                var cut = state[..2];
                summary.Cut[cut] = summary.Cut.GetValueOrDefault(cut) + 1;
                expirations.Add(new Expiration(line.AtMs, parsed[LogFieldNames.Backend] ?? string.Empty, server, state));
            }
        }

        return summary;
    }
}
