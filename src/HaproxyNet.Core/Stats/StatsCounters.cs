using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Stats;

/// <summary>Counter upkeep for the statistics: byte deltas per session run, <c>clear counters [all]</c>.</summary>
/// <remarks>1.4's <c>session_process_counters</c> (session.c) and the <c>clear counters</c> branch of dumpstats.c.</remarks>
public static class StatsCounters
{
    /// <summary>
    /// session_process_counters: adds what the session's channels received since the last call to its frontend,
    /// backend (when different), server and listener. Called at the end of every session run and at its end.
    /// </summary>
    public static void ProcessSessionCounters(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var inDelta = s.Req.Total - s.StatsBytesIn;
        var outDelta = s.Rep.Total - s.StatsBytesOut;
        if (inDelta == 0 && outDelta == 0)
        {
            return;
        }

        s.StatsBytesIn = s.Req.Total;
        s.StatsBytesOut = s.Rep.Total;
        s.Fe.BytesIn += inDelta;
        s.Fe.BytesOut += outDelta;
        if (s.Be != s.Fe && s.Has(SessionFlags.BeAssigned))
        {
            s.Be.BytesIn += inDelta;
            s.Be.BytesOut += outDelta;
        }

        if (s.Srv is { } srv)
        {
            srv.BytesIn += inDelta;
            srv.BytesOut += outDelta;
        }

        s.Listener.BytesIn += inDelta;
        s.Listener.BytesOut += outDelta;
    }

    /// <summary>
    /// <c>clear counters</c>: resets the maxima of every proxy, server and listener; with <paramref name="all"/>
    /// every counter (1.4 zeroes the whole counters structures then).
    /// </summary>
    public static void Clear(EngineLoop loop, bool all)
    {
        ArgumentNullException.ThrowIfNull(loop);
        foreach (var px in loop.Proxies)
        {
            px.FeConnMax = 0;
            px.BeConnMax = 0;
            px.FeSpsMax = 0;
            px.BeSpsMax = 0;
            px.FeRpsMax = 0;
            px.NbPendMax = 0;
            if (all)
            {
                px.CumFeConn = 0;
                px.CumBeConn = 0;
                px.CumLbConn = 0;
                px.BytesIn = 0;
                px.BytesOut = 0;
                px.DeniedReq = 0;
                px.DeniedResp = 0;
                px.FailedReq = 0;
                px.FailedConns = 0;
                px.FailedResp = 0;
                px.Retries = 0;
                px.Redispatches = 0;
                px.CliAborts = 0;
                px.SrvAborts = 0;
                px.CumReq = 0;
                Array.Clear(px.HttpRsp);
                Array.Clear(px.BeHttpRsp);
            }

            foreach (var sv in px.Servers)
            {
                sv.CurSessMax = 0;
                sv.NbPendMax = 0;
                sv.SpsMax = 0;
                if (all)
                {
                    sv.CumSess = 0;
                    sv.CumLbConn = 0;
                    sv.BytesIn = 0;
                    sv.BytesOut = 0;
                    sv.FailedConns = 0;
                    sv.FailedResp = 0;
                    sv.DeniedResp = 0;
                    sv.Retries = 0;
                    sv.Redispatches = 0;
                    sv.CliAborts = 0;
                    sv.SrvAborts = 0;
                    sv.FailedChecks = 0;
                    sv.FailedHana = 0;
                    sv.DownTransitions = 0;
                    Array.Clear(sv.HttpRsp);
                }
            }

            foreach (var l in px.Listeners)
            {
                l.NbConnMax = 0;
                if (all)
                {
                    l.CumConn = 0;
                    l.BytesIn = 0;
                    l.BytesOut = 0;
                    l.DeniedReq = 0;
                    l.DeniedResp = 0;
                    l.FailedReq = 0;
                }
            }
        }
    }

    /// <summary>A transfer aborted by the client: the backend's and the server's cli_aborts.</summary>
    public static void CliAbort(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Be.CliAborts++;
        if (s.Srv is { } srv)
        {
            srv.CliAborts++;
        }
    }

    /// <summary>A transfer aborted by the server: the backend's and the server's srv_aborts.</summary>
    public static void SrvAbort(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Be.SrvAborts++;
        if (s.Srv is { } srv)
        {
            srv.SrvAborts++;
        }
    }

    /// <summary>An invalid or missing response: the backend's and the server's failed_resp.</summary>
    public static void FailedResp(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Be.FailedResp++;
        if (s.Srv is { } srv)
        {
            srv.FailedResp++;
        }
    }

    /// <summary>One more HTTP request on the frontend (cum_req, fe_req_per_sec and its max).</summary>
    public static void IncReq(Proxy fe, long nowUs)
    {
        ArgumentNullException.ThrowIfNull(fe);
        fe.CumReq++;
        fe.FeReqPerSec.Update(1, nowUs);
        if (fe.FeReqPerSec.CurrCtr > fe.FeRpsMax)
        {
            fe.FeRpsMax = fe.FeReqPerSec.CurrCtr;
        }
    }

    /// <summary>A response header block from the server: its per-class counter (srv counters.p.http.rsp[]).</summary>
    public static void CountServerStatus(Session s, int status)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Srv is { } srv)
        {
            var cls = status / 100;
            srv.HttpRsp[cls is >= 1 and <= 5 ? cls - 1 : 5]++;
        }
    }

    /// <summary>
    /// The dates 1.4 takes while checking the configuration: the process start (uptime) and every proxy's and
    /// server's last state change (lastchg), unless already set. Called with the first fresh clock, by start_checks.
    /// </summary>
    public static void StampStart(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var now = loop.Clock.NowSeconds;
        if (loop.StartUs == 0)
        {
            loop.StartUs = loop.Clock.NowUs;
        }

        foreach (var px in loop.Proxies)
        {
            if (px.LastChangeSeconds == 0)
            {
                px.LastChangeSeconds = now;
            }

            foreach (var sv in px.Servers)
            {
                if (sv.LastChangeSeconds == 0)
                {
                    sv.LastChangeSeconds = now;
                }
            }
        }
    }
}
