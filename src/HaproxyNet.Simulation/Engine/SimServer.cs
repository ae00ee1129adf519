using System.Net;

namespace HaproxyNet.Testing.Engine;

/// <summary>A scripted backend server on the simulated network.</summary>
public sealed class SimServer
{
    private readonly List<SimSocket> _conns = [];
    private readonly HashSet<SimSocket> _shut = [];

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

    internal void Attach(SimSocket serverSide)
    {
        _conns.Add(serverSide);
        Accepted++;
    }

    /// <summary>Reacts to what arrived; returns true when something changed.</summary>
    internal bool Step()
    {
        var progress = false;
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
                    if (Kind == SimServerKind.Hold)
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
}
