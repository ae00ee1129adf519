using System.Globalization;
using System.Net;
using HaproxyNet.Core.LoadBalancing;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>Turns the validated configuration model into the engine's runtime objects.</summary>
/// <remarks>
/// The runtime half of 1.4's <c>check_config_validity</c> and <c>init</c>: the model already carries the config-time
/// derivations (queue/tarpit timeout fallbacks, fullconn default, minconn normalisation), this only copies them into
/// <see cref="Proxy"/>/<see cref="Server"/>/<see cref="Listener"/> and builds each backend's load balancer.
/// </remarks>
public static partial class RuntimeBuilder
{
    /// <summary>DEFAULT_MAXCONN.</summary>
    public const int DefaultMaxConn = 2000;

    /// <summary>The global settings (maxconn 2000 when unset, tune.maxaccept 100, or 8 with nbproc &gt; 1).</summary>
    public static GlobalSettings BuildGlobal(Cfg.ConfigDocument doc)
    {
        var g = doc.Global;
        var settings = new GlobalSettings
        {
            MaxConn = g.MaxConn != 0 ? g.MaxConn : DefaultMaxConn,
            MaxAccept = g.TuneMaxAccept != 0 ? g.TuneMaxAccept : g.NbProc > 1 ? 8 : 100,
            BufSize = g.TuneBufSize != 0 ? g.TuneBufSize : 16384,
            SpreadChecks = g.SpreadChecks,
            ChkSize = g.TuneChkSize != 0 ? g.TuneChkSize : 16384,
            Node = g.Node ?? System.Environment.MachineName,
            UseSplice = !g.NoSplice,
            PipeSize = g.TunePipeSize,
            Description = g.Description ?? string.Empty,
            NbProc = g.NbProc > 0 ? g.NbProc : 1,
        };
        settings.MaxRewrite = Math.Min(g.TuneMaxRewrite != 0 ? g.TuneMaxRewrite : 8192, settings.BufSize / 2);
        settings.MaxPipes = g.MaxPipes != 0 ? g.MaxPipes : DefaultMaxPipes(doc, settings.MaxConn);
        foreach (var l in g.Logs)
        {
            settings.Logs.Add(ToLogTarget(l));
        }

        return settings;
    }

    /// <summary>Adds every enabled proxy of <paramref name="doc"/> to <paramref name="loop"/>, in declaration order.</summary>
    public static void BuildProxies(Cfg.ConfigDocument doc, EngineLoop loop)
    {
        var byName = new Dictionary<string, (Cfg.ProxySection Section, Proxy Proxy)>(StringComparer.Ordinal);
        foreach (var list in doc.UserLists)
        {
            loop.UserLists.TryAdd(list.Name, Http.Rules.UserListRt.From(list));
        }

        foreach (var section in doc.Proxies)
        {
            if (section.Disabled)
            {
                continue;
            }

            var p = BuildProxy(section);
            ApplySocketSettings(section, p, doc.Global);
            loop.Proxies.Add(p);
            byName.TryAdd(section.Name, (section, p));
        }

        foreach (var (section, p) in byName.Values)
        {
            if (section.DefaultBackend is { } be && byName.TryGetValue(be, out var target) && target.Proxy.IsBackend)
            {
                p.DefaultBackend = target.Proxy;
            }

            ResolveTracking(section, p, byName);
            ResolveSwitchingRules(section, p, byName);
            MapRules(section, p, byName);
            ResolveStickRules(section, p, byName);
            if (p.IsBackend && p.Servers.Count > 0)
            {
                LoadBalancerFactory.Create(p, ToLbSettings(section));
            }
        }
    }

    /// <summary>One proxy and its listeners and servers.</summary>
    public static Proxy BuildProxy(Cfg.ProxySection s)
    {
        var p = new Proxy(s.Name)
        {
            Capabilities = (ProxyCapabilities)((int)s.Capabilities & (int)ProxyCapabilities.Listen),
            Mode = (ProxyMode)(int)s.Mode,
            Options = ToOptions(s) | ToSocketOptions(s),
            MaxConn = s.MaxConn,
            FullConn = s.FullConn,
            ConnRetries = s.Retries,
            GraceMs = (int)s.Grace,
            AllBackups = s.Options.Contains("allbackups"),
        };
        p.Timeouts.Client = (int)s.Timeouts.Client;
        p.Timeouts.Server = (int)s.Timeouts.Server;
        p.Timeouts.Connect = (int)s.Timeouts.Connect;
        p.Timeouts.Queue = (int)s.Timeouts.Queue;
        p.Timeouts.Tarpit = (int)s.Timeouts.Tarpit;
        p.Timeouts.HttpRequest = (int)s.Timeouts.HttpRequest;
        p.Timeouts.HttpKeepAlive = (int)s.Timeouts.HttpKeepAlive;
        p.TimeoutCheck = (int)s.Timeouts.Check;
        p.CheckSettings = ToCheckSettings(s);
        foreach (var l in s.Logs)
        {
            p.Logs.Add(ToLogTarget(l));
        }

        if (p.IsFrontend)
        {
            foreach (var l in s.Listeners)
            {
                p.Listeners.Add(new Listener(p, new IPEndPoint(l.Address, l.Port)) { Backlog = s.Backlog, Luid = l.Id, Name = l.Name });
            }
        }

        foreach (var line in s.Servers)
        {
            p.Servers.Add(BuildServer(p, line));
        }

        MapAdmission(s, p);
        MapHttp(s, p);
        MapStats(s, p);
        MapPersistence(s, p);
        BuildStickTable(s, p);
        return p;
    }

    /// <summary>monitor-net, rate-limit sessions, tcp-request inspect-delay and content rules (frontends use them).</summary>
    private static void MapAdmission(Cfg.ProxySection s, Proxy p)
    {
        if (s.MonitorNetwork is { } mon)
        {
            p.MonitorNet = mon.Address;
            p.MonitorMask = mon.Mask;
        }

        p.Uuid = s.Id;
        p.SessionRateLimit = s.SessionRateLimit;
        p.TcpInspectDelay = unchecked((int)s.TcpInspectDelay);
        foreach (var rule in s.ConditionRules)
        {
            // Kept on backends too, as 1.4 does, but only a frontend's rules are ever evaluated.
            if (rule.Keyword == "tcp-request content")
            {
                p.TcpContentRules.Add(new TcpRequestRule(rule.Accept, rule.Condition));
            }
        }
    }

    private static Server BuildServer(Proxy p, Cfg.ServerLine line)
    {
        var state = line.Disabled ? ServerState.Maintain : ServerState.Running;
        if (line.Backup)
        {
            state |= ServerState.Backup;
        }

        var srv = new Server(p, line.Name, line.Id)
        {
            Address = new IPEndPoint(line.Address, line.PortMapped ? 0 : line.Port),
            MappedPorts = line.PortMapped,
            PortOffset = line.PortMapped ? line.Port : 0,
            State = state,
            UWeight = line.Weight,
            IWeight = line.Weight,
            MinConn = line.MinConn,
            MaxConn = line.MaxConn,
            MaxQueue = line.MaxQueue,
            SlowStartSeconds = line.SlowStartSeconds,
        };
        ApplyCheckSettings(srv, line);
        return srv;
    }

    private static ProxyOptions ToOptions(Cfg.ProxySection s)
    {
        var o = ProxyOptions.None;
        var opts = s.Options;
        if (opts.Contains("redispatch"))
        {
            o |= ProxyOptions.Redispatch;
        }

        if (opts.Contains("logasap"))
        {
            o |= ProxyOptions.LogAsap;
        }

        if (opts.Contains("dontlognull"))
        {
            o |= ProxyOptions.DontLogNull;
        }

        if (opts.Contains("abortonclose"))
        {
            o |= ProxyOptions.AbortOnClose;
        }

        if (opts.Contains("log-separate-errors"))
        {
            o |= ProxyOptions.LogSeparateErrors;
        }

        if (opts.Contains("dontlog-normal"))
        {
            o |= ProxyOptions.DontLogNormal;
        }

        if (opts.Contains("persist"))
        {
            o |= ProxyOptions.Persist;
        }

        if (opts.Contains("independant-streams"))
        {
            o |= ProxyOptions.IndependantStreams;
        }

        // An httplog on a TCP frontend was already turned into tcplog at config check.
        if (s.TcpLog || (s.HttpLog && s.Mode != Cfg.ProxyMode.Http))
        {
            o |= ProxyOptions.TcpLog;
        }
        else if (s.HttpLog)
        {
            o |= ProxyOptions.HttpLog;
        }

        return o;
    }

    private static LbSettings ToLbSettings(Cfg.ProxySection s)
    {
        var algo = s.Balance switch
        {
            Cfg.BalanceAlgorithm.None => s.Dispatch is not null || s.Transparent || s.Options.Contains("http_proxy") ? LbAlgorithm.None : LbAlgorithm.RoundRobin,
            Cfg.BalanceAlgorithm.RoundRobin => LbAlgorithm.RoundRobin,
            Cfg.BalanceAlgorithm.StaticRoundRobin => LbAlgorithm.StaticRoundRobin,
            Cfg.BalanceAlgorithm.LeastConn => LbAlgorithm.LeastConn,
            Cfg.BalanceAlgorithm.Source => LbAlgorithm.Source,
            Cfg.BalanceAlgorithm.Uri => LbAlgorithm.Uri,
            Cfg.BalanceAlgorithm.UrlParam => LbAlgorithm.UrlParam,
            Cfg.BalanceAlgorithm.Header => LbAlgorithm.Header,
            Cfg.BalanceAlgorithm.RdpCookie => LbAlgorithm.RdpCookie,
            _ => LbAlgorithm.RoundRobin,
        };
        if (s.Mode != Cfg.ProxyMode.Http && algo is LbAlgorithm.Uri or LbAlgorithm.UrlParam or LbAlgorithm.Header)
        {
            algo = LbAlgorithm.RoundRobin; // "Layer 7 hash not possible ... Falling back to round robin."
        }

        return new LbSettings
        {
            Algorithm = algo,
            HashType = s.HashConsistent ? HashType.Consistent : HashType.MapBased,
            UriLenLimit = s.UriLengthLimit,
            UriDepth = s.UriDepthLimit,
            UriWhole = s.UriWhole,
            UrlParamName = algo == LbAlgorithm.UrlParam ? s.BalanceParameter : null,
            UrlParamPostLimit = s.UrlParamPostLimit,
            HeaderName = algo == LbAlgorithm.Header ? s.BalanceParameter : null,
            HeaderUseDomainOnly = s.HeaderUseDomainOnly,
            RdpCookieName = algo == LbAlgorithm.RdpCookie && !string.IsNullOrEmpty(s.BalanceParameter) ? s.BalanceParameter : LbSettings.DefaultRdpCookieName,
            AllBackups = s.Options.Contains("allbackups"),
        };
    }

    private static void ResolveTracking(Cfg.ProxySection section, Proxy p, Dictionary<string, (Cfg.ProxySection Section, Proxy Proxy)> byName)
    {
        for (var i = 0; i < section.Servers.Count; i++)
        {
            if (section.Servers[i].Track is not { } track)
            {
                continue;
            }

            var slash = track.IndexOf('/', StringComparison.Ordinal);
            var owner = slash < 0 ? p : byName.TryGetValue(track[..slash], out var o) ? o.Proxy : null;
            var name = slash < 0 ? track : track[(slash + 1)..];
            if (owner?.Servers.Find(x => x.Name == name) is { } target)
            {
                LinkTracker(p.Servers[i], target);
            }
        }
    }

    /// <summary>"ip[:port]" (default 514) or a UNIX socket path.</summary>
    private static Logging.LogTarget ToLogTarget(Cfg.LogTarget l)
    {
        if (l.Address.StartsWith('/'))
        {
            return new Logging.LogTarget(null, l.Address, l.Facility, l.MaxLevel, l.MinLevel);
        }

        var colon = l.Address.LastIndexOf(':');
        var host = colon < 0 ? l.Address : l.Address[..colon];
        var port = colon < 0 ? 514 : int.Parse(l.Address[(colon + 1)..], CultureInfo.InvariantCulture);
        return new Logging.LogTarget(new IPEndPoint(IPAddress.Parse(host), port), null, l.Facility, l.MaxLevel, l.MinLevel);
    }
}
