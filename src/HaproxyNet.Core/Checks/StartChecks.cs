using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Checks;

/// <summary>
/// 1.4's <c>start_checks</c>: a warm-up task for every slowstart server, a check task for every checked server,
/// the first checks spread over the smallest interval by server position (CHECKS.md §3).
/// </summary>
public static class StartChecks
{
    /// <summary>SRV_CHK_INTER_THRES: intervals below 1 s do not set the spreading base.</summary>
    public const int InterThreshold = 1000;

    /// <summary>Creates and queues the tasks; returns how many servers are checked.</summary>
    public static int Run(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        Http.Persistence.AppSessionRefresh.Start(loop); // appsession_task_init (cfgparse time in 1.4)
        Stats.StatsCounters.StampStart(loop);
        var nbchk = 0;
        var mininter = 0;
        foreach (var px in loop.Proxies)
        {
            foreach (var s in px.Servers)
            {
                if (s.SlowStartSeconds > 0)
                {
                    ServerWarmup.For(loop, s);
                }

                if (!s.Checked)
                {
                    continue;
                }

                var inter = HealthCheck.GetInter(s);
                if (inter >= InterThreshold && (mininter == 0 || mininter > inter))
                {
                    mininter = inter;
                }

                nbchk++;
            }
        }

        if (nbchk == 0)
        {
            return 0;
        }

        var now = loop.Clock.NowMs;
        var srvpos = 0;
        foreach (var px in loop.Proxies)
        {
            foreach (var s in px.Servers)
            {
                if (!s.Checked)
                {
                    continue;
                }

                var inter = HealthCheck.GetInter(s);
                var baseMs = mininter != 0 && mininter >= inter ? mininter : inter;
                var task = s.Check ??= new HealthCheck(loop, s);
                s.CheckStartUs = loop.Clock.NowUs;
                task.ScheduleFirst(Ticks.Add(now, (int)((long)baseMs * srvpos / nbchk)));
                srvpos++;
            }
        }

        return nbchk;
    }
}
