using HaproxyNet.Core.Backend;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Sessions;

/// <summary>Server slot bookkeeping of a session.</summary>
public static class SessionServer
{
    /// <summary>
    /// sess_change_server: releases the slot held on the previous server (served--) and takes one on
    /// <paramref name="newsrv"/> (served++), notifying the load balancer both times.
    /// </summary>
    /// <remarks>HAProxy 1.4 <c>sess_change_server</c> (src/session.c).</remarks>
    public static void SessChangeServer(Session s, Server? newsrv)
    {
        if (s.SrvConn == newsrv)
        {
            return;
        }

        if (s.SrvConn is { } old)
        {
            old.Served--;
            LbHooks.ServerDropConn(old);
        }

        if (newsrv is not null)
        {
            newsrv.Served++;
            LbHooks.ServerTakeConn(newsrv);
        }

        s.SrvConn = newsrv;
    }

    /// <summary>session_set_backend: attaches the backend once (beconn++, cum_beconn++) and takes its server-side settings.</summary>
    /// <remarks>HAProxy 1.4 <c>session_set_backend</c> (src/proxy.c).</remarks>
    public static void SessionSetBackend(Session s, Proxy be)
    {
        if (s.Has(SessionFlags.BeAssigned))
        {
            return;
        }

        s.Be = be;
        be.BeConn++;
        be.CumBeConn++;
        be.BeSessPerSec.Update(1, s.Loop.Clock.NowUs); // proxy_inc_be_ctr
        be.UpdateBeMaxima();
        s.Rep.Rto = be.Timeouts.Server;
        s.Req.Wto = be.Timeouts.Server;
        s.ConnRetries = be.ConnRetries;
        s.Si1.Flags &= ~StreamInterfaces.SiFlags.IndepStr;
        if (be.Has(ProxyOptions.IndependantStreams))
        {
            s.Si1.Flags |= StreamInterfaces.SiFlags.IndepStr;
        }

        s.Flags |= SessionFlags.BeAssigned;
    }
}
