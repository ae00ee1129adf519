using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Sections;

namespace HaproxyNet.Config.Validation;

internal static partial class ConfigValidator
{
    /// <summary><c>proxy.c proxy_cfg_ensure_no_http</c>.</summary>
    private static ErrorCode EnsureNoHttp(ParseState s, ProxyBuilder p, string who)
    {
        var err = ErrorCode.None;
        if (p.CookieName is not null)
        {
            err |= Warn(s, $"config : cookie will be ignored for {who} (needs 'mode http').\n");
        }

        if (p.ResponseRegexCount > 0)
        {
            err |= Warn(s, $"config : server regular expressions will be ignored for {who} (needs 'mode http').\n");
        }

        if (p.RequestRegexCount > 0)
        {
            err |= Warn(s, $"config : client regular expressions will be ignored for {who} (needs 'mode http').\n");
        }

        if (p.MonitorUri is not null)
        {
            err |= Warn(s, $"config : monitor-uri will be ignored for {who} (needs 'mode http').\n");
        }

        if (p.Balance is BalanceAlgorithm.Uri or BalanceAlgorithm.UrlParam or BalanceAlgorithm.Header)
        {
            p.Balance = BalanceAlgorithm.RoundRobin;
            err |= Warn(s, $"config : Layer 7 hash not possible for {who} (needs 'mode http'). Falling back to round robin.\n");
        }

        if ((p.ToLog & LogFlags.Request) != 0)
        {
            p.ToLog &= ~(LogFlags.Request | LogFlags.Response);
            err |= Warn(s, $"config : 'option httplog' not usable with {who} (needs 'mode http'). Falling back to 'option tcplog'.\n");
        }

        return err;
    }

    /// <summary>Non-HTTP proxies lose stats, forwardfor, originalto and the HTTP-only table options.</summary>
    private static ErrorCode DropHttpOnly(ParseState s, ProxyBuilder p, string who)
    {
        var err = ErrorCode.None;
        if (p.Stats is not null)
        {
            err |= Warn(s, $"config : 'stats' statement ignored for {who} as it requires HTTP mode.\n");
            p.Stats = null;
        }

        if (p.ForwardFor)
        {
            err |= Warn(s, $"config : 'option forwardfor' ignored for {who} as it requires HTTP mode.\n");
            p.ForwardFor = false;
        }

        if (p.OriginalTo)
        {
            err |= Warn(s, $"config : 'option originalto' ignored for {who} as it requires HTTP mode.\n");
            p.OriginalTo = false;
        }

        foreach (var table in new[] { ProxyOptionTable.Options, ProxyOptionTable.Options2 })
        {
            foreach (var opt in table)
            {
                if (opt.HttpOnly && (p.Capabilities & opt.Capabilities) != 0 && p.Options.Remove(opt.Name))
                {
                    err |= Warn(s, $"config : 'option {opt.Name}' ignored for {who} as it requires HTTP mode.\n");
                }
            }
        }

        return err;
    }

    /// <summary>Servers whose HTTP-only settings cannot work in this proxy.</summary>
    private static int CheckServerModes(ParseState s, ProxyBuilder p, string who, ref ErrorCode err)
    {
        var cfgerr = 0;
        var http = p.Mode == ProxyMode.Http;
        foreach (var srv in p.Servers)
        {
            if (!http && srv.Redir is not null)
            {
                s.Diag.Alert($"config : {who} : server cannot have cookie or redirect prefix in non-HTTP mode.\n");
                cfgerr++;
            }

            if (!http && srv.Cookie is not null)
            {
                err |= Warn(s, $"config : {who} : ignoring cookie for server '{srv.Name}' as HTTP mode is disabled.\n");
            }

            if (srv.PortMapped && p.PersistRdpCookie is not null)
            {
                err |= Warn(s, $"config : {who} : RDP cookie persistence will not work for server '{srv.Name}' because it lacks an explicit port number.\n");
            }
        }

        return cfgerr;
    }
}
