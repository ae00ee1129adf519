using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Stats;

/// <summary>How the stats name a server's state and its last check (1.4's <c>srv_hlt_st</c>, <c>get_check_status_info</c>).</summary>
public static class ServerStatusText
{
    /// <summary>
    /// 1.4's sv_state: 0 DOWN, 1 DOWN going up, 2 UP going down, 3 UP, 4 NOLB going down, 5 NOLB, computed
    /// from the tracked server when there is one.
    /// </summary>
    public static int HealthState(Server sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        var svs = Effective(sv);
        int state;
        if (svs.IsRunning)
        {
            state = svs.Health == svs.Rise + svs.Fall - 1 ? 3 : 2;
            if ((svs.State & ServerState.GoingDown) != 0)
            {
                state += 2;
            }
        }
        else
        {
            state = svs.Health != 0 ? 1 : 0;
        }

        return state;
    }

    /// <summary>The server whose state the stats show: the tracked one, followed to the end of the chain.</summary>
    public static Server Effective(Server sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        var svs = sv;
        while (svs.Tracked is { } t)
        {
            svs = t;
        }

        return svs;
    }

    /// <summary>The CSV <c>status</c> column: MAINT, MAINT(via), no check, DOWN, DOWN h/r, UP h/f, UP, NOLB h/f, NOLB.</summary>
    public static string Csv(Server sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        var svs = Effective(sv);
        if ((sv.State & ServerState.Maintain) != 0)
        {
            return "MAINT";
        }

        if (svs != sv && (svs.State & ServerState.Maintain) != 0)
        {
            return "MAINT(via)";
        }

        if (!svs.Checked)
        {
            return "no check";
        }

        var st = HealthState(sv);
        var a = svs.IsRunning ? svs.Health - svs.Rise + 1 : svs.Health;
        var b = svs.IsRunning ? svs.Fall : svs.Rise;
        return st switch
        {
            0 => "DOWN",
            1 => $"DOWN {a}/{b}",
            2 => $"UP {a}/{b}",
            3 => "UP",
            4 => $"NOLB {a}/{b}",
            _ => "NOLB",
        };
    }

    /// <summary>The short check status name of the CSV and page (UNK, INI, L4OK, ...).</summary>
    public static string CheckName(CheckStatus status) => status switch
    {
        CheckStatus.Initializing => "INI",
        CheckStatus.Start => "START",
        CheckStatus.HealthAnalyze => "HANA",
        CheckStatus.SocketError => "SOCKERR",
        CheckStatus.L4Ok => "L4OK",
        CheckStatus.L4Timeout => "L4TOUT",
        CheckStatus.L4Con => "L4CON",
        CheckStatus.L6Ok => "L6OK",
        CheckStatus.L6Timeout => "L6TOUT",
        CheckStatus.L6Rsp => "L6RSP",
        CheckStatus.L7Timeout => "L7TOUT",
        CheckStatus.L7Rsp => "L7RSP",
        CheckStatus.L7Ok => "L7OK",
        CheckStatus.L7OkConditional => "L7OKC",
        CheckStatus.L7Sts => "L7STS",
        _ => "UNK",
    };

    /// <summary>1.4's HCHK_STATUS_CHECKED and above: a check completed, so its duration is shown.</summary>
    public static bool HasDuration(CheckStatus status) => status >= CheckStatus.HealthAnalyze;

    /// <summary>
    /// The slowstart percentage while warming up (<c>throttle</c>), or -1: the effective weight as a share of the
    /// full one (observed on 1.4.25: 6 right after a 60 s slowstart server came back with weight 10, eweight 1/16).
    /// </summary>
    public static int Throttle(Server sv, long nowSeconds)
    {
        ArgumentNullException.ThrowIfNull(sv);
        if ((sv.State & ServerState.WarmingUp) != 0 && sv.SlowStartSeconds > 0
            && nowSeconds < sv.LastChangeSeconds + sv.SlowStartSeconds && nowSeconds >= sv.LastChangeSeconds)
        {
            var lb = sv.Proxy.Lb;
            var full = (long)sv.UWeight * (lb?.WDiv ?? 1);
            var eff = (long)sv.EWeight * (lb?.WMult ?? 1);
            return full == 0 ? 1 : (int)Math.Max(1, 100 * eff / full);
        }

        return -1;
    }

    /// <summary>1.4's srv_downtime: total seconds DOWN, the current DOWN period included.</summary>
    public static long DownTime(Server sv, long nowSeconds)
    {
        ArgumentNullException.ThrowIfNull(sv);
        if (sv.IsRunning || sv.LastChangeSeconds >= nowSeconds)
        {
            return sv.DownTimeSeconds;
        }

        return nowSeconds - sv.LastChangeSeconds + sv.DownTimeSeconds;
    }

    /// <summary>1.4's be_downtime: total seconds without any usable server.</summary>
    public static long BackendDownTime(Proxy px, long nowSeconds)
    {
        ArgumentNullException.ThrowIfNull(px);
        if ((px.Lb?.TotWeight ?? 0) != 0 || px.LastChangeSeconds >= nowSeconds)
        {
            return px.DownTimeSeconds;
        }

        return nowSeconds - px.LastChangeSeconds + px.DownTimeSeconds;
    }

    /// <summary>The weight shown for a server: eweight scaled back by the backend's wmult/wdiv.</summary>
    public static int Weight(Server sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        var lb = sv.Proxy.Lb;
        if (lb is null)
        {
            return sv.EWeight;
        }

        return ((sv.EWeight * lb.WMult) + lb.WDiv - 1) / lb.WDiv;
    }

    /// <summary>The weight shown for a backend: its total effective weight scaled back.</summary>
    public static int Weight(Proxy px)
    {
        ArgumentNullException.ThrowIfNull(px);
        var lb = px.Lb;
        return lb is null ? 0 : ((lb.TotWeight * lb.WMult) + lb.WDiv - 1) / lb.WDiv;
    }
}
