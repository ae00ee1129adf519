using System.Globalization;
using System.Text;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>The CSV statistics of <c>show stat</c> and <c>&lt;uri&gt;;csv</c> (1.4.25's <c>print_csv_header</c> and the CSV branch of <c>stats_dump_proxy</c>).</summary>
/// <remarks>51 fields per row, each followed by a comma; rows in configuration order (STATS.md §1). Operator path, not per request.</remarks>
public static class StatsCsv
{
    /// <summary>The header line, with its leading <c># </c>, trailing comma and LF.</summary>
    public const string Header =
        "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx,hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,\n";

    /// <summary>Writes the header and the rows of every proxy <paramref name="inScope"/> accepts (null = all).</summary>
    public static void Write(StringBuilder sb, EngineLoop loop, StatsFilter filter, Func<Proxy, bool>? inScope = null)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(loop);
        sb.Append(Header);
        foreach (var px in loop.Proxies)
        {
            if (!IsListed(px) || (filter.Iid != -1 && px.Uuid != filter.Iid) || (inScope is not null && !inScope(px)))
            {
                continue;
            }

            WriteProxy(sb, loop, px, filter);
        }
    }

    /// <summary>1.4 lists proxies that are not stopped and have a frontend or backend capability.</summary>
    public static bool IsListed(Proxy px)
    {
        ArgumentNullException.ThrowIfNull(px);
        return px.State != ProxyState.Stopped && (px.IsFrontend || px.IsBackend);
    }

    private static void WriteProxy(StringBuilder sb, EngineLoop loop, Proxy px, StatsFilter filter)
    {
        if (px.IsFrontend && filter.Wants(StatsFilter.Frontend))
        {
            Frontend(sb, loop, px);
        }

        if (px.SocketStats && px.IsFrontend && filter.Wants(StatsFilter.Listeners))
        {
            foreach (var l in px.Listeners)
            {
                if (filter.Sid == -1 || l.Luid == filter.Sid)
                {
                    Listener(sb, px, l);
                }
            }
        }

        if (px.IsBackend && filter.Wants(StatsFilter.Servers))
        {
            foreach (var sv in px.Servers)
            {
                if (filter.Sid == -1 || sv.Puid == filter.Sid)
                {
                    ServerRow(sb, loop, px, sv);
                }
            }
        }

        if (px.IsBackend && filter.Wants(StatsFilter.Backend))
        {
            Backend(sb, loop, px);
        }
    }

    /// <summary>1.4's frontend status word: OPEN while accepting, FULL while blocked, else STOP.</summary>
    public static string FrontendStatus(Proxy px) => px.State switch
    {
        ProxyState.Run => "OPEN",
        ProxyState.Idle => "FULL",
        _ => "STOP",
    };

    private static void Frontend(StringBuilder sb, EngineLoop loop, Proxy px)
    {
        var now = loop.Clock.NowUs;
        Str(sb, px.Name).Append("FRONTEND,,,");
        Num(sb, px.FeConn);
        Num(sb, px.FeConnMax);
        Num(sb, px.MaxConn);
        Num(sb, px.CumFeConn);
        Num(sb, px.BytesIn);
        Num(sb, px.BytesOut);
        Num(sb, px.DeniedReq);
        Num(sb, px.DeniedResp);
        Num(sb, px.FailedReq);
        sb.Append(",,,,");
        Str(sb, FrontendStatus(px));
        sb.Append(",,,,,,,,");
        Num(sb, 1);
        Num(sb, px.Uuid);
        Num(sb, 0);
        sb.Append(",,,");
        Num(sb, 0);
        Num(sb, px.FeSessPerSec.Read(now));
        Num(sb, px.SessionRateLimit);
        Num(sb, px.FeSpsMax);
        sb.Append(",,,");
        HttpResponses(sb, px, px.HttpRsp);
        sb.Append(',');
        Num(sb, px.FeReqPerSec.Read(now));
        Num(sb, px.FeRpsMax);
        Num(sb, px.CumReq);
        sb.Append(",,\n");
    }

    private static void Listener(StringBuilder sb, Proxy px, Listener l)
    {
        Str(sb, px.Name);
        Str(sb, l.StatsName).Append(",,");
        Num(sb, l.NbConn);
        Num(sb, l.NbConnMax);
        Num(sb, l.MaxConn);
        Num(sb, l.CumConn);
        Num(sb, l.BytesIn);
        Num(sb, l.BytesOut);
        Num(sb, l.DeniedReq);
        Num(sb, l.DeniedResp);
        Num(sb, l.FailedReq);
        sb.Append(",,,,");
        Str(sb, l.NbConn < l.MaxConn ? "OPEN" : "FULL");
        sb.Append(",,,,,,,,");
        Num(sb, 1);
        Num(sb, px.Uuid);
        Num(sb, l.Luid);
        sb.Append(",,,");
        Num(sb, 3);
        sb.Append(",,,,,,,,,,,,,,,,,,\n");
    }

    private static void ServerRow(StringBuilder sb, EngineLoop loop, Proxy px, Server sv)
    {
        var nowUs = loop.Clock.NowUs;
        var nowSec = loop.Clock.NowSeconds;
        Str(sb, px.Name);
        Str(sb, sv.Name);
        Num(sb, sv.NbPend);
        Num(sb, sv.NbPendMax);
        Num(sb, sv.CurSess);
        Num(sb, sv.CurSessMax);
        if (sv.MaxConn != 0)
        {
            Num(sb, sv.MaxConn);
        }
        else
        {
            sb.Append(',');
        }

        Num(sb, sv.CumSess);
        Num(sb, sv.BytesIn);
        Num(sb, sv.BytesOut);
        sb.Append(',');
        Num(sb, sv.DeniedResp);
        sb.Append(',');
        Num(sb, sv.FailedConns);
        Num(sb, sv.FailedResp);
        Num(sb, sv.Retries);
        Num(sb, sv.Redispatches);
        Str(sb, ServerStatusText.Csv(sv));
        Num(sb, ServerStatusText.Weight(sv));
        Num(sb, sv.IsBackup ? 0 : 1);
        Num(sb, sv.IsBackup ? 1 : 0);
        if (sv.Checked)
        {
            Num(sb, sv.FailedChecks);
            Num(sb, sv.DownTransitions);
            Num(sb, nowSec - sv.LastChangeSeconds);
            Num(sb, ServerStatusText.DownTime(sv, nowSec));
        }
        else
        {
            sb.Append(",,,,");
        }

        if (sv.MaxQueue != 0)
        {
            Num(sb, sv.MaxQueue);
        }
        else
        {
            sb.Append(',');
        }

        Num(sb, 1);
        Num(sb, px.Uuid);
        Num(sb, sv.Puid);
        var throttle = ServerStatusText.Throttle(sv, nowSec);
        if (throttle >= 0)
        {
            Num(sb, throttle);
        }
        else
        {
            sb.Append(',');
        }

        Num(sb, sv.CumLbConn);
        if (sv.Tracked is { } t)
        {
            sb.Append(t.Proxy.Name).Append('/').Append(t.Name).Append(',');
        }
        else
        {
            sb.Append(',');
        }

        Num(sb, 2);
        Num(sb, sv.SessPerSec.Read(nowUs));
        sb.Append(',');
        Num(sb, sv.SpsMax);
        if (sv.Checked)
        {
            Str(sb, ServerStatusText.CheckName(sv.CheckStatus));
            if (Checks.CheckStatuses.HasCode(sv.CheckStatus))
            {
                Num(sb, sv.CheckCode);
            }
            else
            {
                sb.Append(',');
            }

            if (ServerStatusText.HasDuration(sv.CheckStatus))
            {
                sb.Append(((ulong)sv.CheckDuration).ToString(CultureInfo.InvariantCulture)).Append(',');
            }
            else
            {
                sb.Append(',');
            }
        }
        else
        {
            sb.Append(",,,");
        }

        HttpResponses(sb, px, sv.HttpRsp);
        Num(sb, sv.FailedHana);
        sb.Append(",,,");
        Num(sb, sv.CliAborts);
        Num(sb, sv.SrvAborts);
        sb.Append('\n');
    }

    private static void Backend(StringBuilder sb, EngineLoop loop, Proxy px)
    {
        var nowUs = loop.Clock.NowUs;
        var nowSec = loop.Clock.NowSeconds;
        var lb = px.Lb;
        Str(sb, px.Name).Append("BACKEND,");
        Num(sb, px.NbPend);
        Num(sb, px.NbPendMax);
        Num(sb, px.BeConn);
        Num(sb, px.BeConnMax);
        Num(sb, px.FullConn);
        Num(sb, px.CumBeConn);
        Num(sb, px.BytesIn);
        Num(sb, px.BytesOut);
        Num(sb, px.DeniedReq);
        Num(sb, px.DeniedResp);
        sb.Append(',');
        Num(sb, px.FailedConns);
        Num(sb, px.FailedResp);
        Num(sb, px.Retries);
        Num(sb, px.Redispatches);
        Str(sb, BackendUp(px) ? "UP" : "DOWN");
        Num(sb, ServerStatusText.Weight(px));
        Num(sb, lb?.SrvAct ?? 0);
        Num(sb, lb?.SrvBck ?? 0);
        sb.Append(',');
        Num(sb, px.DownTransitions);
        Num(sb, nowSec - px.LastChangeSeconds);
        Num(sb, px.Servers.Count > 0 ? ServerStatusText.BackendDownTime(px, nowSec) : 0);
        sb.Append(',');
        Num(sb, 1);
        Num(sb, px.Uuid);
        Num(sb, 0);
        sb.Append(',');
        Num(sb, px.CumLbConn);
        sb.Append(',');
        Num(sb, 1);
        Num(sb, px.BeSessPerSec.Read(nowUs));
        sb.Append(',');
        Num(sb, px.BeSpsMax);
        sb.Append(",,,");
        HttpResponses(sb, px, px.BeHttpRsp);
        sb.Append(",,,,");
        Num(sb, px.CliAborts);
        Num(sb, px.SrvAborts);
        sb.Append('\n');
    }

    /// <summary>A backend is UP while some weight is in use, or when it has no server at all.</summary>
    public static bool BackendUp(Proxy px)
    {
        ArgumentNullException.ThrowIfNull(px);
        return px.Servers.Count == 0 || (px.Lb?.TotWeight ?? 0) > 0;
    }

    private static void HttpResponses(StringBuilder sb, Proxy px, long[] rsp)
    {
        if (px.Mode == ProxyMode.Http)
        {
            for (var i = 0; i < 6; i++)
            {
                Num(sb, rsp[i]);
            }
        }
        else
        {
            sb.Append(",,,,,,");
        }
    }

    private static StringBuilder Str(StringBuilder sb, string s) => sb.Append(s).Append(',');

    private static void Num(StringBuilder sb, long v) => sb.Append(v.ToString(CultureInfo.InvariantCulture)).Append(',');
}
