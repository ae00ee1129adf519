using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Proxies;

/// <summary>One <c>bind</c> address of a frontend (1.4's <c>struct listener</c>).</summary>
/// <remarks>Its read readiness runs <see cref="EventAccept.Accept"/> (event_accept).</remarks>
public sealed partial class Listener : IIoHandler
{
    private IListenerSocket? _socket;

    public Listener(Proxy frontend, IPEndPoint endPoint)
    {
        Frontend = frontend;
        EndPoint = endPoint;
    }

    public Proxy Frontend { get; }

    public IPEndPoint EndPoint { get; }

    /// <summary>Numeric id (luid: <c>bind ... id</c> or assigned at config check), read by <c>so_id</c>.</summary>
    public int Luid { get; set; }

    /// <summary><c>bind ... name</c>, null when not given.</summary>
    public string? Name { get; set; }

    /// <summary>The name the stats show: <c>bind ... name</c>, else <c>sock-&lt;luid&gt;</c>.</summary>
    public string StatsName => Name ?? "sock-" + Luid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>listen() backlog; 0 = the frontend maxconn.</summary>
    public int Backlog { get; set; }

    /// <summary>Socket options of this <c>bind</c> and of the sockets it accepts.</summary>
    public ListenerOptions Options { get; set; }

    /// <summary>Live sessions accepted here (nbconn).</summary>
    public int NbConn { get; set; }

    /// <summary>Copied from the frontend maxconn at start.</summary>
    public int MaxConn { get; set; }

    public ListenerState State { get; set; }

    /// <summary>The bound socket, null when unbound; setting one records its <see cref="Fd"/>.</summary>
    public IListenerSocket? Socket
    {
        get => _socket;
        set
        {
            _socket = value;
            if (value is not null)
            {
                Fd = value.Fd;
            }
        }
    }

    /// <summary>1.4's <c>listener-&gt;fd</c>: the bound socket's number (-1 before the first bind), kept after close.</summary>
    public int Fd { get; private set; } = -1;

    internal EngineLoop? Loop { get; set; }

    /// <summary>Starts (READY) or stops polling for accepts.</summary>
    internal void EnablePolling(bool enable) => Socket?.SetInterest(enable);

    public void OnReadable()
    {
        if (Loop is not null)
        {
            EventAccept.Accept(Loop, this);
        }
    }

    public void OnWritable()
    {
    }
}
