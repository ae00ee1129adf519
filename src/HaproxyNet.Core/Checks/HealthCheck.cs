using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Tasks;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Checks;

/// <summary>
/// The health-check task of one server and the handler of its check socket: 1.4's <c>process_chk</c>,
/// <c>event_srv_chk_w</c> and <c>event_srv_chk_r</c> (checks.c), CHECKS.md §3-5.
/// </summary>
/// <remarks>
/// The socket goes through <see cref="INetwork"/> like a session's; the I/O callbacks only move bytes and set the
/// check status, then wake the task, which applies the result to the health counter and schedules the next check.
/// </remarks>
public sealed class HealthCheck : EngineTask, IIoHandler
{
    private readonly byte[] _data;
    private IConnection? _conn;
    private int _dataLen;
    private bool _readPolling;
    private bool _socketError;

    public HealthCheck(EngineLoop loop, Server server)
    {
        Loop = loop;
        Server = server;
        _data = new byte[Math.Max(loop.Global.ChkSize, 2)];
        Expire = Ticks.Eternity;
    }

    public EngineLoop Loop { get; }

    public Server Server { get; }

    /// <summary>True while a check connection is open (1.4's <c>curfd &gt;= 0</c>).</summary>
    public bool IsRunningCheck => _conn is not null;

    /// <summary>Checks started since the process started (for tests and stats).</summary>
    public long Started { get; private set; }

    /// <summary>
    /// srv_getinter: <c>inter</c> at full health, <c>downinter</c> (else inter) when down with health 0,
    /// <c>fastinter</c> (else inter) in every transitional state.
    /// </summary>
    public static int GetInter(Server s)
    {
        if (s.Checked && s.Health == s.Rise + s.Fall - 1)
        {
            return s.Inter;
        }

        if (!s.IsRunning && s.Health == 0)
        {
            return s.DownInter != 0 ? s.DownInter : s.Inter;
        }

        return s.FastInter != 0 ? s.FastInter : s.Inter;
    }

    public override bool Process()
    {
        var s = Server;
        var now = Loop.Clock.NowMs;
        if (_conn is null)
        {
            if (!Ticks.IsExpired(Expire, now))
            {
                return true; // woke up too early
            }

            if (!s.Checked || s.Proxy.State == ProxyState.Stopped || (s.State & ServerState.Maintain) != 0)
            {
                StepExpire(now, s.Inter);
                return true;
            }

            StartCheck(s, now);
            return true;
        }

        if ((s.Result & (CheckResult.Error | CheckResult.Running)) == CheckResult.Running)
        {
            if (s.IsRunning && s.Proxy.CheckSettings.DisableOn404)
            {
                var bits = s.Result & (CheckResult.Running | CheckResult.Disable);
                if ((s.State & ServerState.GoingDown) != 0 && bits == CheckResult.Running)
                {
                    ServerHealth.SetServerEnabled(Loop, s);
                }
                else if ((s.State & ServerState.GoingDown) == 0 && bits == (CheckResult.Running | CheckResult.Disable))
                {
                    ServerHealth.SetServerDisabled(Loop, s);
                }
            }

            if (s.Health < s.Rise + s.Fall - 1)
            {
                s.Health++;
                ServerHealth.SetServerUp(Loop, s);
            }

            Finish(s, now);
            return true;
        }

        if ((s.Result & CheckResult.Error) != 0 || Ticks.IsExpired(Expire, now))
        {
            if ((s.Result & CheckResult.Error) == 0)
            {
                var status = !_readPolling ? CheckStatus.L4Timeout
                    : s.Proxy.CheckSettings.Kind == CheckKind.SslHello ? CheckStatus.L6Timeout
                    : CheckStatus.L7Timeout;
                ServerHealth.SetCheckStatus(Loop, s, status, null);
            }

            Fail(s);
            Finish(s, now);
        }

        return true; // no result yet and no timeout: wait again
    }

    /// <summary>event_srv_chk_w: the connect completed (or failed); send the request or conclude a TCP check.</summary>
    public void OnWritable()
    {
        var s = Server;
        var conn = _conn;
        if (conn is null)
        {
            return;
        }

        var err = conn.TakeSocketError();
        if (err != 0)
        {
            ServerHealth.SetCheckStatus(Loop, s, CheckStatus.L4Con, Errno.Text(err));
            _socketError = true;
            WakeAndStopWriting(conn);
            return;
        }

        if ((s.Result & CheckResult.Error) != 0)
        {
            WakeAndStopWriting(conn);
            return;
        }

        var settings = s.Proxy.CheckSettings;
        if (settings.Kind == CheckKind.Tcp)
        {
            ServerHealth.SetCheckStatus(Loop, s, CheckStatus.L4Ok, null);
            WakeAndStopWriting(conn);
            return;
        }

        var request = CheckRequests.Build(Loop, s, settings);
        var st = IoStatus.Ok;
        var sent = request.Length == 0 ? 0 : conn.Send(request, out st);
        if (sent == request.Length)
        {
            if (s.Proxy.TimeoutCheck != 0)
            {
                Expire = Ticks.AddIfSet(Loop.Clock.NowMs, s.Proxy.TimeoutCheck);
                Loop.Scheduler.Queue(this);
            }

            _readPolling = true;
            conn.SetInterest(read: true, write: false);
            return;
        }

        if (sent == 0 || st == IoStatus.WouldBlock)
        {
            return; // still pending: poll again
        }

        // A partial or failed send: 1.4 only tells the refused/unreachable case apart.
        ServerHealth.SetCheckStatus(Loop, s, CheckStatus.SocketError, null);
        _socketError = true;
        WakeAndStopWriting(conn);
    }

    /// <summary>event_srv_chk_r: reads the reply (up to tune.chksize) and evaluates it when complete enough.</summary>
    public void OnReadable()
    {
        var s = Server;
        var conn = _conn;
        if (conn is null)
        {
            return;
        }

        if ((s.Result & CheckResult.Error) != 0 || _socketError)
        {
            if ((s.Result & CheckResult.Error) == 0)
            {
                ServerHealth.SetCheckStatus(Loop, s, CheckStatus.SocketError, null);
            }

            WakeAfterRead(conn);
            return;
        }

        var size = _data.Length;
        var done = false;
        var full = false;
        while (_dataLen < size)
        {
            var n = conn.Receive(_data.AsSpan(_dataLen, size - _dataLen), out var st);
            if (st == IoStatus.Ok && n > 0)
            {
                _dataLen += n;
                continue;
            }

            if (st == IoStatus.EndOfStream)
            {
                done = true;
            }
            else if (st == IoStatus.Error)
            {
                done = true;
                if (_dataLen == 0)
                {
                    ServerHealth.SetCheckStatus(Loop, s, CheckStatus.SocketError, null);
                    WakeAfterRead(conn);
                    return;
                }
            }

            break;
        }

        if (_dataLen >= size)
        {
            full = true;
            done = true;
        }

        // 1.4 terminates the buffer as a C string: the last byte is lost when it is full.
        var len = full ? size - 1 : _dataLen;
        if (!CheckResponses.Evaluate(Loop, s, _data.AsSpan(0, len), done))
        {
            return; // wait for more data
        }

        WakeAfterRead(conn);
    }

    /// <summary>Sets up the first check date (start_checks) and queues the task.</summary>
    internal void ScheduleFirst(int when)
    {
        Expire = when;
        Loop.Scheduler.Queue(this);
    }

    /// <summary>health_adjust's fastinter: the next check no later than <paramref name="when"/> (no requeue, as 1.4).</summary>
    internal void BringForward(int when)
    {
        if (_conn is null && Ticks.IsSet(Expire) && Ticks.IsLt(when, Expire))
        {
            Expire = when;
        }
    }

    private void StartCheck(Server s, int now)
    {
        ServerHealth.SetCheckStatus(Loop, s, CheckStatus.Start, null);
        Started++;
        var px = s.Proxy;
        var addr = s.CheckAddress ?? s.Address?.Address ?? IPAddress.Any;
        var target = new IPEndPoint(addr, s.CheckPort);
        var source = s.Source ?? px.Source;
        var options = new SocketOptions { NoLinger = px.Has(ProxyOptions.NoLinger) };
        var conn = Loop.Network.Connect(target, source is null ? null : new IPEndPoint(source.Address, 0), options, out var status, out var errno);
        if (conn is not null && status == ConnectStatus.InProgress)
        {
            _conn = conn;
            _dataLen = 0;
            _readPolling = false;
            _socketError = false;
            conn.Handler = this;
            conn.SetInterest(read: false, write: true);
            Expire = Ticks.Add(now, s.Inter);
            if (px.TimeoutCheck != 0 && px.Timeouts.Connect != 0)
            {
                Expire = Ticks.First(Expire, Ticks.Add(now, px.Timeouts.Connect));
            }

            return;
        }

        conn?.Close();
        switch (status)
        {
            case ConnectStatus.SourceBindFailed or ConnectStatus.ForeignBindFailed:
                ServerHealth.SetCheckStatus(Loop, s, CheckStatus.SocketError, null);
                var tproxy = status == ConnectStatus.ForeignBindFailed ? "tproxy " : string.Empty;
                Loop.Messages?.Alert(s.Source is not null
                    ? $"Cannot bind to {tproxy}source address before connect() for server {px.Name}/{s.Name}. Aborting.\n"
                    : $"Cannot bind to {tproxy}source address before connect() for {px.CapabilityWord} '{px.Name}'. Aborting.\n");
                break;
            case ConnectStatus.Refused when errno is Errno.ConnRefused or Errno.NetUnreach or 0:
                ServerHealth.SetCheckStatus(Loop, s, CheckStatus.L4Con, Errno.Text(errno == 0 ? Errno.ConnRefused : errno));
                break;
            default:
                if (errno != 0)
                {
                    ServerHealth.SetCheckStatus(Loop, s, CheckStatus.SocketError, Errno.Text(errno));
                }

                break;
        }

        if (s.Result == CheckResult.Unknown)
        {
            StepExpire(now, s.Inter); // nothing done (no socket): try again later
            return;
        }

        Fail(s);
        while (Ticks.IsExpired(Expire, now))
        {
            var tcon = Ticks.Add(Expire, px.Timeouts.Connect);
            var next = Ticks.Add(Expire, s.Inter);
            Expire = px.TimeoutCheck != 0 && px.Timeouts.Connect != 0 ? Ticks.First(next, tcon) : next;
        }
    }

    /// <summary>A failed check: one step down while above rise, else set_server_down.</summary>
    private void Fail(Server s)
    {
        if (s.Health > s.Rise)
        {
            s.Health--;
            s.FailedChecks++;
        }
        else
        {
            ServerHealth.SetServerDown(Loop, s);
        }
    }

    /// <summary>Closes the check socket and schedules the next check after srv_getinter (+ spread-checks).</summary>
    private void Finish(Server s, int now)
    {
        var conn = _conn;
        _conn = null;
        if (conn is not null)
        {
            conn.Handler = null;
            conn.SetInterest(false, false);
            conn.Close(reset: _readPolling);
        }

        _dataLen = 0;
        _readPolling = false;
        _socketError = false;
        var inter = GetInter(s);
        var rv = 0;
        var spread = Loop.Global.SpreadChecks;
        if (spread > 0)
        {
            rv = inter * spread / 100;
            rv -= (int)(2 * rv * Loop.Random.NextDouble());
        }

        Expire = Ticks.Add(now, inter + rv);
    }

    private void StepExpire(int now, int inter)
    {
        if (!Ticks.IsSet(Expire))
        {
            Expire = Ticks.Add(now, inter);
            return;
        }

        while (Ticks.IsExpired(Expire, now))
        {
            Expire = Ticks.Add(Expire, inter);
        }
    }

    private void WakeAndStopWriting(IConnection conn)
    {
        conn.SetInterest(read: _readPolling, write: false);
        Loop.Scheduler.Wakeup(this, TaskWoken.Io);
    }

    private void WakeAfterRead(IConnection conn)
    {
        if ((Server.Result & CheckResult.Error) != 0)
        {
            _socketError = true;
        }

        _dataLen = 0;
        conn.SetInterest(read: false, write: false);
        Loop.Scheduler.Wakeup(this, TaskWoken.Io);
    }
}
