using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Proxies;

/// <summary>Frontend admission settings and counters: monitor-net, rate-limit sessions, tcp-request content.</summary>
/// <remarks>1.4's <c>mon_net</c>/<c>mon_mask</c>, <c>fe_sps_lim</c>, <c>fe_sess_per_sec</c>, <c>tcp_req</c> and <c>denied_req</c> of <c>struct proxy</c>.</remarks>
public sealed partial class Proxy
{
    /// <summary>Numeric id (uuid: explicit <c>id</c> or assigned at config check), read by <c>fe_id</c>/<c>be_id</c>.</summary>
    public int Uuid { get; set; }

    /// <summary><c>monitor-net</c> address, already masked, host byte order (mon_net).</summary>
    public uint MonitorNet { get; set; }

    /// <summary><c>monitor-net</c> mask, host byte order (mon_mask); 0 = none, which also means a /0 never matches.</summary>
    public uint MonitorMask { get; set; }

    /// <summary><c>rate-limit sessions</c> (fe_sps_lim); 0 = no limit.</summary>
    public uint SessionRateLimit { get; set; }

    /// <summary>New sessions per second on this frontend (fe_sess_per_sec), read by <c>fe_sess_rate</c>.</summary>
    public FreqCounter FeSessPerSec { get; } = new();

    /// <summary>Highest per-second count seen by <see cref="FeSessPerSec"/> (counters.fe_sps_max).</summary>
    public uint FeSpsMax { get; set; }

    /// <summary>New sessions per second assigned to this backend (be_sess_per_sec), read by <c>be_sess_rate</c>.</summary>
    public FreqCounter BeSessPerSec { get; } = new();

    /// <summary><c>tcp-request inspect-delay</c> in milliseconds (0 = none).</summary>
    public int TcpInspectDelay { get; set; }

    /// <summary><c>tcp-request content</c> rules in declaration order (tcp_req.inspect_rules).</summary>
    public List<TcpRequestRule> TcpContentRules { get; } = [];

    /// <summary>Requests denied by a rule (counters.denied_req).</summary>
    public long DeniedReq { get; set; }

    /// <summary>fe_req_ana has INSPECT: an inspect-delay or at least one content rule.</summary>
    public bool NeedsInspect => TcpInspectDelay != 0 || TcpContentRules.Count > 0;

    /// <summary>True when an IPv4 client address (host byte order) falls in <c>monitor-net</c>.</summary>
    /// <remarks>As 1.4's event_accept: a zero mask never matches, so <c>monitor-net 0.0.0.0/0</c> has no effect.</remarks>
    public bool IsMonitorClient(uint address) => MonitorMask != 0 && (address & MonitorMask) == MonitorNet;

    /// <summary>proxy_inc_fe_ctr: one more frontend session (cumulated count, per-second counter and its max).</summary>
    internal void IncFeCounter(long nowUs)
    {
        CumFeConn++;
        FeSessPerSec.Update(1, nowUs);
        if (FeSessPerSec.CurrCtr > FeSpsMax)
        {
            FeSpsMax = FeSessPerSec.CurrCtr;
        }
    }
}
