using System.Net;

namespace HaproxyNet.Testing.Engine;

/// <summary>A scripted backend server on the simulated network.</summary>
public sealed class SimServer
{
    private readonly List<SimSocket> _conns = [];
    private readonly HashSet<SimSocket> _shut = [];
    private readonly HashSet<SimSocket> _answered = [];

    // Echo replies waiting for their response time, in due order (equal due times keep arrival order).
    private readonly List<(long DueUs, SimSocket Conn, byte[] Data)> _delayed = [];

    internal SimServer(IPEndPoint endPoint, SimServerKind kind)
    {
        EndPoint = endPoint;
        Kind = kind;
    }

    public IPEndPoint EndPoint { get; }

    public SimServerKind Kind { get; set; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted { get; private set; }

    /// <summary>Connections currently open on the server side.</summary>
    public int Open
    {
        get
        {
            var n = 0;
            foreach (var c in _conns)
            {
                if (!c.Closed)
                {
                    n++;
                }
            }

            return n;
        }
    }

    public long BytesReceived { get; private set; }

    /// <summary>The answers of an <see cref="SimServerKind.Http"/> server.</summary>
    public SimHttpBehavior Http { get; set; } = new();

    /// <summary>Requests an HTTP server parsed so far.</summary>
    public int Requests { get; private set; }

    /// <summary>The earliest virtual time an HTTP answer is due, or -1.</summary>
    private long _httpWakeUs = -1;

    private readonly Dictionary<SimSocket, SimHttpConnection> _httpConns = [];

    /// <summary>Every byte received so far, all connections in arrival order (what a check sent).</summary>
    public List<byte> Received { get; } = [];

    /// <summary>Bytes sent to every new connection as soon as it is accepted (echo and respond kinds).</summary>
    public byte[]? Banner { get; set; }

    /// <summary><see cref="SimServerKind.Respond"/>: the reply to the first bytes of a connection.</summary>
    public byte[]? Response { get; set; }

    /// <summary><see cref="SimServerKind.Respond"/>: half-close after the reply (default true).</summary>
    public bool CloseAfterResponse { get; set; } = true;

    /// <summary>How long an echo server takes to answer what it received (0: at once, in the same virtual instant).</summary>
    public int ResponseMs { get; set; }

    /// <summary>The earliest virtual time this server wants to act (a delayed echo reply or HTTP answer), or -1.</summary>
    internal long NextWakeUs
    {
        get
        {
            var echo = _delayed.Count == 0 ? -1 : _delayed[0].DueUs;
            return echo < 0 ? _httpWakeUs : _httpWakeUs < 0 ? echo : Math.Min(echo, _httpWakeUs);
        }
    }

    internal void Attach(SimSocket serverSide)
    {
        _conns.Add(serverSide);
        Accepted++;
        if (Banner is { } banner && Kind is SimServerKind.Echo or SimServerKind.Respond)
        {
            serverSide.Send(banner, out _);
        }
    }

    /// <summary>Reacts to what arrived and sends the replies due at <paramref name="nowUs"/>; returns true when something changed.</summary>
    internal bool Step(long nowUs)
    {
        if (Kind == SimServerKind.Http)
        {
            return StepHttp(nowUs);
        }

        var progress = false;
        while (_delayed.Count > 0 && _delayed[0].DueUs <= nowUs)
        {
            var (_, conn, data) = _delayed[0];
            _delayed.RemoveAt(0);
            if (!conn.Closed)
            {
                conn.Send(data, out _);
                progress = true;
            }
        }

        Span<byte> buf = stackalloc byte[4096];
        for (var i = 0; i < _conns.Count; i++)
        {
            var c = _conns[i];
            if (c.Closed)
            {
                continue;
            }

            while (true)
            {
                var n = c.Receive(buf, out var st);
                if (st == HaproxyNet.Core.Ports.IoStatus.Ok)
                {
                    progress = true;
                    BytesReceived += n;
                    Received.AddRange(buf[..n].ToArray());
                    switch (Kind)
                    {
                        case SimServerKind.Respond when _answered.Add(c):
                            if (Response is { } reply)
                            {
                                c.Send(reply, out _);
                            }

                            if (CloseAfterResponse)
                            {
                                c.ShutdownWrite();
                            }

                            break;
                        case SimServerKind.Echo when ResponseMs > 0:
                            _delayed.Add((nowUs + (ResponseMs * 1000L), c, buf[..n].ToArray()));
                            break;
                        case SimServerKind.Echo:
                            c.Send(buf[..n], out _);
                            break;
                        case SimServerKind.Close:
                            c.Close();
                            break;
                    }

                    if (c.Closed)
                    {
                        break;
                    }

                    continue;
                }

                if (st == HaproxyNet.Core.Ports.IoStatus.EndOfStream)
                {
                    if (Kind == SimServerKind.Hold || HasDelayed(c))
                    {
                        break;
                    }

                    if (_shut.Add(c))
                    {
                        c.ShutdownWrite();
                        progress = true;
                    }

                    if (c.PeerShutWrite && c.InboundCount == 0)
                    {
                        c.Close();
                        progress = true;
                    }
                }
                else if (st == HaproxyNet.Core.Ports.IoStatus.Error)
                {
                    c.Close();
                    progress = true;
                }

                break;
            }
        }

        return progress;
    }

    private bool StepHttp(long nowUs)
    {
        var progress = false;
        _httpWakeUs = -1;
        Span<byte> buf = stackalloc byte[4096];
        foreach (var c in _conns)
        {
            if (c.Closed)
            {
                continue;
            }

            if (!_httpConns.TryGetValue(c, out var h))
            {
                h = new SimHttpConnection();
                _httpConns[c] = h;
            }

            while (true)
            {
                var n = c.Receive(buf, out var st);
                if (st == HaproxyNet.Core.Ports.IoStatus.Ok)
                {
                    h.Rx.AddRange(buf[..n].ToArray());
                    Received.AddRange(buf[..n].ToArray());
                    BytesReceived += n;
                    progress = true;
                    continue;
                }

                if (st == HaproxyNet.Core.Ports.IoStatus.EndOfStream)
                {
                    h.PeerDone = true;
                }
                else if (st == HaproxyNet.Core.Ports.IoStatus.Error)
                {
                    c.Close();
                    progress = true;
                }

                break;
            }

            if (c.Closed)
            {
                continue;
            }

            progress |= h.Step(this, c, nowUs);
            if (h.WakeUs >= 0 && (_httpWakeUs < 0 || h.WakeUs < _httpWakeUs))
            {
                _httpWakeUs = h.WakeUs;
            }
        }

        return progress;
    }

    internal void CountRequest() => Requests++;
    private bool HasDelayed(SimSocket c)
    {
        foreach (var d in _delayed)
        {
            if (d.Conn == c)
            {
                return true;
            }
        }

        return false;
    }
}
