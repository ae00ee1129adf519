using System.Text;
using HaproxyNet.Core.Logging;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Checks;

/// <summary>
/// Server state transitions driven by checks, tracking and observation: 1.4's <c>set_server_check_status</c>,
/// <c>set_server_down</c>, <c>set_server_up</c>, <c>set_server_disabled</c>, <c>set_server_enabled</c> and
/// <c>redistribute_pending</c> (checks.c), with their log lines (LOGGING.md §11).
/// </summary>
public static class ServerHealth
{
    /// <summary>HCHK_DESC_LEN - 1: the longest description kept.</summary>
    public const int MaxDescLength = 127;

    /// <summary>
    /// set_server_check_status: records the status, description and duration of the current check; with
    /// <c>option log-health-checks</c>, logs the check when it moves the health counter or the 404 state.
    /// <see cref="CheckStatus.Start"/> starts a check (result unknown, description cleared, start time = now).
    /// </summary>
    public static void SetCheckStatus(EngineLoop loop, Server s, CheckStatus status, string? desc)
    {
        if (status == CheckStatus.Start)
        {
            s.Result = CheckResult.Unknown;
            s.CheckDesc = string.Empty;
            s.CheckStartUs = loop.Clock.NowUs;
            return;
        }

        if (s.CheckStatus == CheckStatus.None)
        {
            return;
        }

        s.CheckDesc = string.IsNullOrEmpty(desc) ? string.Empty : desc.Length > MaxDescLength ? desc[..MaxDescLength] : desc;
        s.CheckStatus = status;
        var result = CheckStatuses.Result(status);
        if (result != CheckResult.Unknown)
        {
            s.Result = result;
        }

        if (status == CheckStatus.HealthAnalyze)
        {
            s.CheckDuration = -1;
        }
        else if (s.CheckStartUs >= 0)
        {
            s.CheckDuration = EngineClock.MsElapsed(s.CheckStartUs, loop.Clock.NowUs);
            s.CheckStartUs = -1;
        }

        var full = s.Rise + s.Fall - 1;
        var goingDown = (s.State & ServerState.GoingDown) != 0;
        var disable = (s.Result & CheckResult.Disable) != 0;
        if (!s.Proxy.CheckSettings.LogHealthChecks
            || !((s.Health != 0 && (s.Result & CheckResult.Error) != 0)
                || (s.Health != full && (s.Result & CheckResult.Running) != 0)
                || (goingDown && !disable)
                || (!goingDown && disable)))
        {
            return;
        }

        // The state after this check, computed locally as 1.4 does.
        var health = s.Health;
        var running = s.IsRunning;
        if ((s.Result & CheckResult.Error) != 0)
        {
            if (health > s.Rise)
            {
                health--;
            }
            else
            {
                if (health == s.Rise)
                {
                    running = false;
                }

                health = 0;
            }
        }

        if ((s.Result & CheckResult.Running) != 0 && health < full)
        {
            s.ConsecutiveErrors = 0;
            health++;
            if (health == s.Rise)
            {
                running = true;
            }

            if (health >= s.Rise)
            {
                health = full;
            }
        }

        var msg = new StringBuilder();
        msg.Append("Health check for ").Append(s.IsBackup ? "backup " : string.Empty).Append("server ")
            .Append(s.Proxy.Name).Append('/').Append(s.Name).Append(' ')
            .Append(disable ? "conditionally " : string.Empty)
            .Append((s.Result & CheckResult.Running) != 0 ? "succeeded" : "failed");
        CheckMessages.AppendStatus(msg, s, withCheck: true, xferred: -1);
        msg.Append(", status: ").Append(running ? health - s.Rise + 1 : health).Append('/')
            .Append(running ? s.Fall : s.Rise).Append(running ? " UP" : " DOWN");
        Emit(loop, s.Proxy, LogLevels.Notice, msg);
    }

    /// <summary>
    /// set_server_down: performs the UP to DOWN transition when the health counter is exactly at rise (or for a
    /// tracker): LB removal, redispatch of the server's queue, the DOWN line, "has no server available!" when the
    /// backend just lost its last server, then the trackers. Always leaves health at 0.
    /// </summary>
    public static void SetServerDown(EngineLoop loop, Server s)
    {
        if ((s.State & ServerState.Maintain) != 0)
        {
            s.Health = s.Rise;
        }

        if (s.Health == s.Rise || s.Tracked is not null)
        {
            var wasPaused = (s.State & ServerState.GoingDown) != 0;
            var lb = s.Proxy.Lb;
            var prevCount = (lb?.SrvAct ?? 0) + (lb?.SrvBck ?? 0);
            s.LastChangeSeconds = loop.Clock.NowSeconds;
            s.State &= ~(ServerState.Running | ServerState.GoingDown);
            lb?.SetServerStatusDown(s);
            var xferred = RedistributePending(loop, s);

            var msg = new StringBuilder();
            if ((s.State & ServerState.Maintain) != 0)
            {
                msg.Append(s.IsBackup ? "Backup " : string.Empty).Append("Server ").Append(s.Proxy.Name).Append('/')
                    .Append(s.Name).Append(" is DOWN for maintenance");
            }
            else
            {
                msg.Append(s.IsBackup ? "Backup " : string.Empty).Append("Server ").Append(s.Proxy.Name).Append('/')
                    .Append(s.Name).Append(" is DOWN");
                CheckMessages.AppendStatus(msg, s, WithCheck(s), xferred);
            }

            Emit(loop, s.Proxy, wasPaused ? LogLevels.Notice : LogLevels.Alert, msg);
            if (prevCount != 0 && (lb?.SrvAct ?? 0) == 0 && (lb?.SrvBck ?? 0) == 0)
            {
                loop.SetBackendDown(s.Proxy);
            }

            s.DownTransitions++;
            if (s.Checked)
            {
                foreach (var t in s.Trackers)
                {
                    if ((t.State & ServerState.Maintain) == 0)
                    {
                        SetServerDown(loop, t);
                    }
                }
            }
        }

        s.Health = 0;
    }

    /// <summary>
    /// set_server_up: performs the DOWN to UP transition when the health counter reaches rise (or for a tracker):
    /// down-time accounting, RUNNING, slowstart warm-up, LB insertion, sessions taken from the backend queue, the
    /// UP line, then the trackers. A server at or above rise ends at full health.
    /// </summary>
    public static void SetServerUp(EngineLoop loop, Server s)
    {
        var oldState = s.State;
        if ((s.State & ServerState.Maintain) != 0)
        {
            s.Health = s.Rise;
        }

        if (s.Health == s.Rise || s.Tracked is not null)
        {
            var now = loop.Clock.NowSeconds;
            var lb = s.Proxy.Lb;
            if ((lb?.SrvAct ?? 0) == 0 && (lb?.SrvBck ?? 0) == 0)
            {
                if (s.Proxy.LastChangeSeconds < now)
                {
                    s.Proxy.DownTimeSeconds += now - s.Proxy.LastChangeSeconds;
                }

                s.Proxy.LastChangeSeconds = now;
            }

            if (s.LastChangeSeconds < now)
            {
                s.DownTimeSeconds += now - s.LastChangeSeconds;
            }

            s.LastChangeSeconds = now;
            s.State |= ServerState.Running;
            s.State &= ~ServerState.Maintain;
            if (s.SlowStartSeconds > 0)
            {
                s.State |= ServerState.WarmingUp;
                if (lb is not null && lb.Settings.IsDynamic)
                {
                    // First step of the ramp, without the weight scale.
                    s.EWeight = s.UWeight;
                    if (s.Warmup is { } w)
                    {
                        loop.Scheduler.Schedule(w, Ticks.Add(loop.Clock.NowMs, (int)LoadBalancing.Slowstart.WarmupIntervalMs(s)));
                    }
                }
            }

            lb?.SetServerStatusUp(s);
            var xferred = ServerQueue.CheckForPending(loop, s);

            var msg = new StringBuilder();
            msg.Append(s.IsBackup ? "Backup " : string.Empty).Append("Server ").Append(s.Proxy.Name).Append('/').Append(s.Name);
            if ((oldState & ServerState.Maintain) != 0)
            {
                msg.Append(" is UP (leaving maintenance)");
            }
            else
            {
                msg.Append(" is UP");
                CheckMessages.AppendStatus(msg, s, WithCheck(s), xferred);
            }

            Emit(loop, s.Proxy, LogLevels.Notice, msg);
            if (s.Checked)
            {
                foreach (var t in s.Trackers)
                {
                    if ((t.State & ServerState.Maintain) == 0)
                    {
                        SetServerUp(loop, t);
                    }
                }
            }
        }

        if (s.Health >= s.Rise)
        {
            s.Health = s.Rise + s.Fall - 1;
        }
    }

    /// <summary>
    /// set_server_disabled (disable-on-404): the server stays UP but leaves load balancing (NOLB); its redispatchable
    /// queued sessions go back to the backend.
    /// </summary>
    public static void SetServerDisabled(EngineLoop loop, Server s)
    {
        s.State |= ServerState.GoingDown;
        var lb = s.Proxy.Lb;
        lb?.SetServerStatusDown(s);
        var xferred = RedistributePending(loop, s);
        var msg = new StringBuilder();
        msg.Append("Load-balancing on ").Append(s.IsBackup ? "Backup " : string.Empty).Append("Server ")
            .Append(s.Proxy.Name).Append('/').Append(s.Name).Append(" is disabled");
        CheckMessages.AppendStatus(msg, s, WithCheck(s), xferred);
        Emit(loop, s.Proxy, LogLevels.Notice, msg);
        if ((lb?.SrvBck ?? 0) == 0 && (lb?.SrvAct ?? 0) == 0)
        {
            loop.SetBackendDown(s.Proxy);
        }

        if (s.Checked)
        {
            foreach (var t in s.Trackers)
            {
                SetServerDisabled(loop, t);
            }
        }
    }

    /// <summary>set_server_enabled: a NOLB server gets load-balanced traffic again and takes backend-queue sessions.</summary>
    public static void SetServerEnabled(EngineLoop loop, Server s)
    {
        s.State &= ~ServerState.GoingDown;
        s.Proxy.Lb?.SetServerStatusUp(s);
        var xferred = ServerQueue.CheckForPending(loop, s);
        var msg = new StringBuilder();
        msg.Append("Load-balancing on ").Append(s.IsBackup ? "Backup " : string.Empty).Append("Server ")
            .Append(s.Proxy.Name).Append('/').Append(s.Name).Append(" is enabled again");
        CheckMessages.AppendStatus(msg, s, WithCheck(s), xferred);
        Emit(loop, s.Proxy, LogLevels.Notice, msg);
        if (s.Checked)
        {
            foreach (var t in s.Trackers)
            {
                SetServerEnabled(loop, t);
            }
        }
    }

    /// <summary>
    /// redistribute_pending: with <c>option redispatch</c> (and not <c>persist</c>, not force-persist), every session
    /// queued on this server goes back to load balancing; returns how many ("requeued").
    /// </summary>
    public static int RedistributePending(EngineLoop loop, Server s)
    {
        var xferred = 0;
        var p = s.PendConns.Head;
        while (p is not null)
        {
            var next = p.Next;
            var sess = p.Session;
            if ((sess.Be.Options & (ProxyOptions.Redispatch | ProxyOptions.Persist)) == ProxyOptions.Redispatch
                && !sess.Has(Sessions.SessionFlags.ForcePrst))
            {
                sess.Flags &= ~(Sessions.SessionFlags.Direct | Sessions.SessionFlags.Assigned | Sessions.SessionFlags.AddrSet);
                ServerQueue.PendconnFree(p);
                loop.Scheduler.Wakeup(sess.Task, TaskWoken.Res);
                xferred++;
            }

            p = next;
        }

        return xferred;
    }

    /// <summary>The check details go in state lines unless the server tracks another or log-health-checks is on.</summary>
    private static bool WithCheck(Server s) => s.Tracked is null && !s.Proxy.CheckSettings.LogHealthChecks;

    /// <summary>Warning() on stderr and send_log on the server's proxy, both with 1.4's final ".\n".</summary>
    private static void Emit(EngineLoop loop, Proxy px, int level, StringBuilder msg)
    {
        msg.Append(".\n");
        var text = msg.ToString();
        loop.Messages?.Warning(text);
        loop.SendLog(px, level, text);
    }
}
