using System.Globalization;
using System.Text;

namespace HaproxyNet.Core.Stats;

/// <summary>The <c>show info</c> report (1.4.25's <c>stats_dump_raw_to_buffer</c>): names and order of STATS.md §2.</summary>
public static class ShowInfo
{
    /// <summary>Version shown by the stats (HaproxyNet answers as the 1.4.25 it replaces).</summary>
    public const string Version = "1.4.25";

    /// <summary>Release date shown with <see cref="Version"/>.</summary>
    public const string ReleaseDate = "2014/03/27";

    /// <summary>Writes the report, one <c>Name: value</c> line each.</summary>
    public static void Write(StringBuilder sb, EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(loop);
        var up = UptimeSeconds(loop);
        var g = loop.Global;
        var inv = CultureInfo.InvariantCulture;
        sb.Append("Name: HAProxy\n")
            .Append("Version: ").Append(Version).Append('\n')
            .Append("Release_date: ").Append(ReleaseDate).Append('\n')
            .Append("Nbproc: ").Append(g.NbProc.ToString(inv)).Append('\n')
            .Append("Process_num: 1\n")
            .Append("Pid: ").Append(loop.Pid.ToString(inv)).Append('\n')
            .Append("Uptime: ");
        AppendUptime(sb, up);
        sb.Append('\n')
            .Append("Uptime_sec: ").Append(up.ToString(inv)).Append('\n')
            .Append("Memmax_MB: ").Append(loop.MemMaxMb.ToString(inv)).Append('\n')
            .Append("Ulimit-n: ").Append(loop.UlimitN.ToString(inv)).Append('\n')
            .Append("Maxsock: ").Append(loop.MaxSock.ToString(inv)).Append('\n')
            .Append("Maxconn: ").Append(g.MaxConn.ToString(inv)).Append('\n')
            .Append("Maxpipes: ").Append(g.MaxPipes.ToString(inv)).Append('\n')
            .Append("CurrConns: ").Append(CurrConns(loop).ToString(inv)).Append('\n')
            .Append("PipesUsed: ").Append(loop.PipesUsed.ToString(inv)).Append('\n')
            .Append("PipesFree: 0\n")
            .Append("Tasks: ").Append(Tasks(loop).ToString(inv)).Append('\n')
            .Append("Run_queue: ").Append(RunQueue(loop).ToString(inv)).Append('\n')
            .Append("node: ").Append(g.Node).Append('\n')
            .Append("description: ").Append(g.Description).Append('\n');
    }

    /// <summary>Seconds since the engine started.</summary>
    public static long UptimeSeconds(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return Math.Max(0, (loop.Clock.NowUs - loop.StartUs) / 1_000_000);
    }

    /// <summary><c>&lt;d&gt;d &lt;h&gt;h&lt;mm&gt;m&lt;ss&gt;s</c>, e.g. <c>0d 0h00m01s</c>.</summary>
    public static void AppendUptime(StringBuilder sb, long up)
    {
        ArgumentNullException.ThrowIfNull(sb);
        var inv = CultureInfo.InvariantCulture;
        sb.Append((up / 86400).ToString(inv)).Append("d ")
            .Append((up % 86400 / 3600).ToString(inv)).Append('h')
            .Append((up % 3600 / 60).ToString("00", inv)).Append('m')
            .Append((up % 60).ToString("00", inv)).Append('s');
    }

    /// <summary>Current connections of the process, the stats socket's included (1.4's actconn).</summary>
    public static int CurrConns(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return loop.ActConn + loop.CliConns;
    }

    /// <summary>Tasks of the process: sessions, stats socket connections, checks and warm-ups (1.4's nb_tasks).</summary>
    public static int Tasks(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        var n = loop.ActConn + loop.CliConns;
        foreach (var px in loop.Proxies)
        {
            foreach (var sv in px.Servers)
            {
                n += (sv.Check is not null ? 1 : 0) + (sv.Warmup is not null ? 1 : 0);
            }
        }

        return n;
    }

    /// <summary>Runnable tasks, the one answering included (1.4's run_queue while the stats task runs).</summary>
    public static int RunQueue(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        return loop.Scheduler.RunQueueLength + 1;
    }
}
