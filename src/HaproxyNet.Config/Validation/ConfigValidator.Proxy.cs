using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Sections;

namespace HaproxyNet.Config.Validation;

internal static partial class ConfigValidator
{
    private static ErrorCode CheckProxy(ParseState s, ProxyBuilder p, ref int cfgerr)
    {
        var err = ErrorCode.None;
        var d = s.Defaults;
        var who = $"{p.TypeString} '{p.Name}'";

        switch (p.Mode)
        {
            case ProxyMode.Health:
                err |= EnsureNoHttp(s, p, who);
                if (!p.HasFrontend)
                {
                    s.Diag.Alert($"config : {who} cannot be in health mode as it has no frontend capability.\n");
                    cfgerr++;
                }

                if (p.Servers.Count > 0)
                {
                    s.Diag.Warning($"config : servers will be ignored for {who}.\n");
                }

                break;
            case ProxyMode.Tcp:
                err |= EnsureNoHttp(s, p, who);
                break;
        }

        if (p.HasFrontend && p.Listeners.Count == 0)
        {
            s.Diag.Alert($"config : {who} has no listen address. Please either specify a valid address on the <listen> line, or use the <bind> keyword.\n");
            cfgerr++;
        }

        if (p.HasBackend && p.Mode != ProxyMode.Health)
        {
            var hasDispatch = p.Dispatch is not null && !p.Dispatch.Address.Equals(System.Net.IPAddress.Any);
            var transparent = p.Options.Contains("transparent") || p.Transparent;
            if (p.Balance != BalanceAlgorithm.None)
            {
                if (transparent)
                {
                    s.Diag.Alert($"config : {who} cannot use both transparent and balance mode.\n");
                    cfgerr++;
                }
                else if (hasDispatch)
                {
                    err |= Warn(s, $"config : dispatch address of {who} will be ignored in balance mode.\n");
                }
            }
            else if (!transparent && !p.Options.Contains("http_proxy") && !hasDispatch)
            {
                p.Balance = BalanceAlgorithm.RoundRobin;
            }
        }

        if (p.DisableOn404 && p.CheckType != CheckType.Http)
        {
            p.DisableOn404 = false;
            err |= Warn(s, $"config : 'disable-on-404' will be ignored for {who} (requires 'option httpchk').\n");
        }

        if (p.SendState && p.CheckType != CheckType.Http)
        {
            // 1.4 clears the wrong option word here: send-state stays and srvtcpka is lost.
            p.Options.Remove("srvtcpka");
            p.TcpKeepAliveServer = false; // the same bit, whether set by srvtcpka or tcpka
            err |= Warn(s, $"config : 'send-state' will be ignored for {who} (requires 'option httpchk').\n");
        }

        cfgerr += CheckTargets(s, p);
        cfgerr += CheckStickRules(s, p);

        cfgerr += ConvertStatsAuth(s, p);

        cfgerr += AclTargets.FindTargets(p.Name, p.Acls, new AclTargetResolver(s, p), new DiagnosticsSink(s.Diag));

        if (p.Mode is ProxyMode.Tcp or ProxyMode.Http
            && ((p.HasFrontend && p.TimeoutClient == 0)
                || (p.HasBackend && p.Servers.Count > 0 && (p.TimeoutConnect == 0 || p.TimeoutServer == 0))))
        {
            err |= Warn(s,
                $"config : missing timeouts for {who}.\n"
                + "   | While not properly invalid, you will certainly encounter various problems\n"
                + "   | with such a configuration. To fix this, please ensure that all following\n"
                + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.\n");
        }

        ApplyTimeoutFallbacks(p, d);

        if (p.RequestCaptures > 0 && p.Mode != ProxyMode.Http)
        {
            err |= Warn(s, $"config : 'capture request header' ignored for {who} as it requires HTTP mode.\n");
            p.ToLog &= ~LogFlags.RequestHeaders;
            p.RequestCaptures = 0;
        }

        if (p.ResponseCaptures > 0 && p.Mode != ProxyMode.Http)
        {
            err |= Warn(s, $"config : 'capture response header' ignored for {who} as it requires HTTP mode.\n");
            p.ToLog &= ~LogFlags.ResponseHeaders;
            p.ResponseCaptures = 0;
        }

        if (p.HasBackend && p.FullConn == 0)
        {
            p.FullConn = p.MaxConn;
        }

        AssignIds(p);
        cfgerr += CheckServers(s, p, who);

        if (p.Options.Contains("logasap"))
        {
            p.ToLog &= ~LogFlags.Bytes;
        }

        if (p.Mode is ProxyMode.Tcp or ProxyMode.Http && p.HasFrontend && p.ToLog != LogFlags.None && p.Logs.Count == 0)
        {
            err |= Warn(s, $"config : log format ignored for {who} since it has no log address.\n");
        }

        if (p.Mode != ProxyMode.Http)
        {
            err |= DropHttpOnly(s, p, who);
        }

        cfgerr += CheckServerModes(s, p, who, ref err);
        FinishListeners(p);

        if (ProcessCount(s, p) > 1)
        {
            if (p.Stats is not null)
            {
                err |= Warn(s, $"Proxy '{p.Name}': in multi-process mode, stats will be limited to process assigned to the current request.\n");
                if (p.Stats.AdminRules > 0)
                {
                    err |= Warn(s, $"Proxy '{p.Name}': stats admin will not work correctly in multi-process mode.\n");
                }
            }

            if (p.AppSessionName is not null)
            {
                err |= Warn(s, $"Proxy '{p.Name}': appsession will not work correctly in multi-process mode.\n");
            }

            if (p.StickRules.Count > 0)
            {
                err |= Warn(s, $"Proxy '{p.Name}': sticking rules will not work correctly in multi-process mode.\n");
            }
        }

        return err;
    }

    /// <summary>Listener names for socket-stats, and smart-accept turned on for HTTP frontends.</summary>
    private static void FinishListeners(ProxyBuilder p)
    {
        if (p.Options.Contains("socket-stats"))
        {
            foreach (var l in p.Listeners)
            {
                l.Name ??= $"sock-{l.Id}";
            }
        }

        if (p.Mode == ProxyMode.Http && p.HasFrontend && !p.NoOptions.Contains("tcp-smart-accept"))
        {
            p.Options.Add("tcp-smart-accept");
        }
    }

    /// <summary>How many of the nbproc processes the proxy runs on (its bind-process set, or all).</summary>
    private static int ProcessCount(ParseState s, ProxyBuilder p)
    {
        var nbproc = Math.Max(s.Global.NbProc, 1);
        if (nbproc <= 1 || p.BindProcess == 0)
        {
            return nbproc;
        }

        var count = 0;
        for (var proc = 0; proc < nbproc && proc < 32; proc++)
        {
            if ((p.BindProcess & (1u << proc)) != 0)
            {
                count++;
            }
        }

        return count;
    }

    private static ErrorCode Warn(ParseState s, string text)
    {
        s.Diag.Warning(text);
        return ErrorCode.Warn;
    }

    /// <summary>Tarpit and queue timeouts fall back to the last defaults' value, then connect timeouts.</summary>
    private static void ApplyTimeoutFallbacks(ProxyBuilder p, ProxyBuilder d)
    {
        if (p.TimeoutTarpit == 0 || p.TimeoutTarpit == d.TimeoutTarpit)
        {
            if (d.TimeoutTarpit != 0)
            {
                p.TimeoutTarpit = d.TimeoutTarpit;
            }
            else if (p.TimeoutConnect != 0)
            {
                p.TimeoutTarpit = p.TimeoutConnect;
            }
            else if (d.TimeoutConnect != 0)
            {
                p.TimeoutTarpit = d.TimeoutConnect;
            }
        }

        if (p.HasBackend && (p.TimeoutQueue == 0 || p.TimeoutQueue == d.TimeoutQueue))
        {
            if (d.TimeoutQueue != 0)
            {
                p.TimeoutQueue = d.TimeoutQueue;
            }
            else if (p.TimeoutConnect != 0)
            {
                p.TimeoutQueue = p.TimeoutConnect;
            }
            else if (d.TimeoutConnect != 0)
            {
                p.TimeoutQueue = d.TimeoutConnect;
            }
        }
    }

    /// <summary>Server and listener ids: explicit ones kept, others by the advancing cursor.</summary>
    private static void AssignIds(ProxyBuilder p)
    {
        var used = new HashSet<int>();
        foreach (var srv in p.Servers)
        {
            if (srv.Id != 0)
            {
                used.Add(srv.Id);
            }
        }

        var next = 1;
        foreach (var srv in p.Servers)
        {
            if (srv.Id == 0)
            {
                next = NextFreeId(used, next);
                srv.Id = next;
                used.Add(next);
            }

            next++;
        }

        used.Clear();
        foreach (var l in p.Listeners)
        {
            if (l.Id != 0)
            {
                used.Add(l.Id);
            }
        }

        next = 1;
        foreach (var l in p.Listeners)
        {
            if (l.Id == 0)
            {
                next = NextFreeId(used, next);
                l.Id = next;
                used.Add(next);
            }

            next++;
        }
    }
}
