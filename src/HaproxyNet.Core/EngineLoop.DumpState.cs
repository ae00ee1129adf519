using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core;

/// <summary>SIGHUP: server states to the logs (1.4's <c>sig_dump_state</c>, src/haproxy.c).</summary>
public sealed partial class EngineLoop
{
    /// <summary>
    /// For each proxy, at notice level: a header line, one line per server (UP/DOWN, cur_sess, nbpend, cum_sess),
    /// then a summary (no servers / running on backup / no server available / N active and M backup).
    /// </summary>
    /// <remarks>The lines also go to stderr as warnings in 1.4; the host prints them from <see cref="Messages"/>.</remarks>
    public void DumpState()
    {
        Messages?.Warning("SIGHUP received, dumping servers states." + "\n");
        foreach (var p in Proxies)
        {
            SendLog(p, LogLevels.Notice, $"SIGHUP received, dumping servers states for proxy {p.Name}.\n");
            foreach (var s in p.Servers)
            {
                var line = $"SIGHUP: Server {p.Name}/{s.Name} is {(s.IsRunning ? "UP" : "DOWN")}. Conn: {s.CurSess} act, {s.NbPend} pend, {s.CumSess} tot.";
                Messages?.Warning(line + "\n");
                SendLog(p, LogLevels.Notice, line + "\n");
            }

            var conn = $"Conn: act(FE+BE): {p.FeConn}+{p.BeConn}, {p.TotPend} pend ({p.NbPend} unass), tot(FE+BE): {p.CumFeConn}+{p.CumBeConn}.";
            CountUsable(p, out var act, out var bck);
            string summary;
            if (p.Servers.Count == 0)
            {
                summary = $"SIGHUP: Proxy {p.Name} has no servers. {conn}";
            }
            else if (act == 0)
            {
                summary = $"SIGHUP: Proxy {p.Name} {(bck > 0 ? "is running on backup servers" : "has no server available")} ! {conn}";
            }
            else
            {
                summary = $"SIGHUP: Proxy {p.Name} has {act} active servers and {bck} backup servers available. {conn}";
            }

            Messages?.Warning(summary + "\n");
            SendLog(p, LogLevels.Notice, summary + "\n");
        }
    }

    /// <summary>srv_act / srv_bck: from the load balancer when there is one, else usable servers counted.</summary>
    private static void CountUsable(Proxy p, out int act, out int bck)
    {
        if (p.Lb is { } lb)
        {
            act = lb.SrvAct;
            bck = lb.SrvBck;
            return;
        }

        act = bck = 0;
        foreach (var s in p.Servers)
        {
            if (s.IsUsable)
            {
                if (s.IsBackup)
                {
                    bck++;
                }
                else
                {
                    act++;
                }
            }
        }
    }
}
