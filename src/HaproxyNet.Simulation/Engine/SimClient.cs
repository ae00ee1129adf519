using System.Net;

namespace HaproxyNet.Testing.Engine;

/// <summary>A scripted client: connects at a virtual time, runs its actions, then closes.</summary>
public sealed class SimClient
{
    private readonly IReadOnlyList<SimClientAction> _actions;
    private int _index;
    private long _stepUntilUs = -1;
    private int _recvProgress;
    private bool _shutSent;
    private readonly List<byte> _rx = [];
    private int _rxStart = -1;

    internal SimClient(int id, IPEndPoint source, IPEndPoint target, long startUs, IReadOnlyList<SimClientAction> actions, SimCloseMode close)
    {
        Id = id;
        Source = source;
        Target = target;
        StartUs = startUs;
        _actions = actions;
        CloseMode = close;
    }

    /// <summary>Harness client number (cN).</summary>
    public int Id { get; }

    public IPEndPoint Source { get; }

    public IPEndPoint Target { get; }

    public long StartUs { get; }

    public SimCloseMode CloseMode { get; }

    public SimSocket? Socket { get; private set; }

    public long ConnectedAtUs { get; private set; } = -1;

    public long DoneAtUs { get; private set; } = -1;

    public bool Done => DoneAtUs >= 0;

    /// <summary>The proxy refused or reset the connection attempt.</summary>
    public bool Refused { get; private set; }

    public long BytesReceived { get; private set; }

    /// <summary>Every byte received, in order.</summary>
    public IReadOnlyList<byte> Received => _rx;

    /// <summary>HTTP actions completed.</summary>
    public int ResponsesReceived { get; private set; }

    /// <summary>Next virtual time this client wants to act, or -1.</summary>
    internal long NextWakeUs { get; private set; } = -1;

    internal bool Step(SimNetwork net, long nowUs)
    {
        NextWakeUs = -1;
        if (Done)
        {
            return false;
        }

        var progress = false;
        if (Socket is null)
        {
            if (nowUs < StartUs)
            {
                NextWakeUs = StartUs;
                return false;
            }

            Socket = net.ConnectClient(this);
            if (Socket is null)
            {
                Refused = true;
                DoneAtUs = nowUs;
                return true;
            }

            ConnectedAtUs = nowUs;
            progress = true;
        }

        var s = Socket;
        progress |= Drain(s);
        while (_index < _actions.Count)
        {
            var a = _actions[_index];
            if (!RunAction(a, s, nowUs, ref progress))
            {
                return progress;
            }

            _index++;
            _stepUntilUs = -1;
            _recvProgress = 0;
            progress = true;
        }

        return Finish(s, nowUs) || progress;
    }

    private bool RunAction(SimClientAction a, SimSocket s, long nowUs, ref bool progress)
    {
        switch (a)
        {
            case SimClientAction.Send send:
                if (!s.Closed && !s.GotReset)
                {
                    s.Send(send.Data, out _);
                }

                return true;
            case SimClientAction.Recv recv:
                return _recvProgress >= recv.Count || IsPeerDone(s);
            case SimClientAction.HoldUntil hold:
                return WaitUntil(ConnectedAtUs + (hold.Ms * 1000L), nowUs);
            case SimClientAction.Sleep sleep:
                if (_stepUntilUs < 0)
                {
                    _stepUntilUs = nowUs + (sleep.Ms * 1000L);
                }

                return WaitUntil(_stepUntilUs, nowUs);
            case SimClientAction.Http http:
                if (_rxStart < 0)
                {
                    _rxStart = _rx.Count;
                    if (!s.Closed && !s.GotReset)
                    {
                        s.Send(http.Request, out _);
                    }

                    progress = true;
                }

                if (HttpResponseComplete(http.IsHead) || IsPeerDone(s))
                {
                    _rxStart = -1;
                    ResponsesReceived++;
                    return true;
                }

                return false;
            case SimClientAction.RecvUntilClose:
                return IsPeerDone(s);
            case SimClientAction.ShutdownWrite:
                s.ShutdownWrite();
                _shutSent = true;
                progress = true;
                return true;
            default:
                return true;
        }
    }

    private bool WaitUntil(long untilUs, long nowUs)
    {
        if (nowUs >= untilUs)
        {
            return true;
        }

        NextWakeUs = untilUs;
        return false;
    }

    private bool Finish(SimSocket s, long nowUs)
    {
        switch (CloseMode)
        {
            case SimCloseMode.Close:
                s.Close();
                break;
            case SimCloseMode.Reset:
                s.Close(reset: true);
                break;
            case SimCloseMode.Graceful:
                if (!_shutSent)
                {
                    s.ShutdownWrite();
                    _shutSent = true;
                }

                if (!IsPeerDone(s))
                {
                    return false;
                }

                s.Close();
                break;
            case SimCloseMode.Wait:
                if (!IsPeerDone(s))
                {
                    return false;
                }

                s.Close();
                break;
        }

        DoneAtUs = nowUs;
        return true;
    }

    private static bool IsPeerDone(SimSocket s) => s.GotReset || s.Closed || (s.PeerShutWrite && s.InboundCount == 0);

    private bool Drain(SimSocket s)
    {
        if (s.Closed)
        {
            return false;
        }

        Span<byte> buf = stackalloc byte[4096];
        var any = false;
        while (true)
        {
            var n = s.Receive(buf, out var st);
            if (st != HaproxyNet.Core.Ports.IoStatus.Ok)
            {
                return any;
            }

            BytesReceived += n;
            _recvProgress += n;
            _rx.AddRange(buf[..n].ToArray());
            any = true;
        }
    }

    /// <summary>A whole response after <see cref="_rxStart"/>: head, then no body (HEAD, 1xx, 204, 304) or Content-Length bytes.</summary>
    private bool HttpResponseComplete(bool isHead)
    {
        var data = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_rx)[_rxStart..];
        var end = data.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = System.Text.Encoding.Latin1.GetString(data[..end]);
        var lines = head.Split("\r\n");
        var first = lines[0].Split(' ');
        var status = first.Length > 1 && int.TryParse(first[1], out var st) ? st : -1;
        if (isHead || status is 204 or 304 || (status >= 100 && status < 200))
        {
            return true;
        }

        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                var len = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                return data.Length >= end + 4 + len;
            }
        }

        return false; // until the peer closes
    }
}
