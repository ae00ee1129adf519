using System.Net;

namespace HaproxyNet.Testing.Engine;

/// <summary>A scripted backend server on the simulated network.</summary>
public sealed class SimServer
{
    private readonly List<SimSocket> _conns = [];
    private readonly HashSet<SimSocket> _shut = [];

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

    /// <summary>How long an echo server takes to answer what it received (0: at once, in the same virtual instant).</summary>
    public int ResponseMs { get; set; }

    /// <summary>The earliest virtual time a delayed reply is due, or -1.</summary>
    internal long NextWakeUs => _delayed.Count == 0 ? -1 : _delayed[0].DueUs;

    internal void Attach(SimSocket serverSide)
    {
        _conns.Add(serverSide);
        Accepted++;
    }

    /// <summary>Reacts to what arrived and sends the replies due at <paramref name="nowUs"/>; returns true when something changed.</summary>
    internal bool Step(long nowUs)
    {
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
                    switch (Kind)
                    {
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
