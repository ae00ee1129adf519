using System.Globalization;
using System.Net;
using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Handover;

/// <summary>
/// The listening sockets a process received from an old one (to adopt instead of binding) and those it bound
/// itself (to hand to the next one). Beyond 1.4: HAProxy 1.8's <c>-x</c> idea, switched on by <c>-sf</c>/<c>-st</c>.
/// </summary>
/// <remarks>
/// A socket is matched by its <see cref="Key"/>: the address and port of the <c>bind</c> line and the options
/// set on the listening socket. Only explicit ports are handed over (a port-0 bind is a new port each time).
/// Filled on the loop thread while binding; afterwards the hand-over server reads <see cref="OpenListeners"/>.
/// </remarks>
public sealed unsafe class ListenerHandover
{
    private readonly List<(int Fd, string Key)> _inherited = [];
    private readonly List<(EpollListenerRef Listener, string Key)> _bound = [];

    /// <summary>Inherited sockets adopted by a <c>Listen</c> so far.</summary>
    public int AdoptedCount { get; private set; }

    /// <summary>Inherited sockets not adopted yet.</summary>
    public int PendingCount => _inherited.Count;

    /// <summary>Keeps <paramref name="fd"/> (received from an old process) for the bind line of <paramref name="key"/>.</summary>
    public void AddInherited(int fd, string key) => _inherited.Add((fd, key));

    /// <summary>Closes every inherited socket nobody adopted; returns how many.</summary>
    public int CloseUnadopted()
    {
        var n = _inherited.Count;
        foreach (var (fd, _) in _inherited)
        {
            LibC.Close(fd);
        }

        _inherited.Clear();
        return n;
    }

    /// <summary>"address port options": what must be equal for an old socket to serve a new bind line.</summary>
    public static string Key(IPEndPoint endPoint, in ListenerOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"{endPoint} nl{(options.NoLinger ? 1 : 0)}.tp{(options.Transparent ? 1 : 0)}.mss{options.Mss}.da{(options.DeferAccept ? 1 : 0)}.if{options.Interface ?? "-"}");

    /// <summary>
    /// The inherited descriptor for this bind line, still listening and bound where it says, or -1. A socket that
    /// left LISTEN (the old process was paused) is not taken: a fresh bind is safer.
    /// </summary>
    internal int TakeInherited(IPEndPoint endPoint, in ListenerOptions options)
    {
        if (endPoint.Port == 0 || _inherited.Count == 0)
        {
            return -1;
        }

        var key = Key(endPoint, options);
        for (var i = 0; i < _inherited.Count; i++)
        {
            var (fd, k) = _inherited[i];
            if (k != key)
            {
                continue;
            }

            _inherited.RemoveAt(i);
            if (!IsListening(fd, endPoint))
            {
                LibC.Close(fd);
                return -1;
            }

            AdoptedCount++;
            return fd;
        }

        return -1;
    }

    /// <summary>Records a listener bound (or adopted) here, for <see cref="OpenListeners"/>.</summary>
    internal void Bound(IListenerSocket listener, IPEndPoint requested, in ListenerOptions options)
    {
        if (requested.Port != 0)
        {
            _bound.Add((new EpollListenerRef(listener), Key(requested, options)));
        }
    }

    /// <summary>
    /// The listeners bound here and still open, with their keys, read from any thread: the list itself is fixed once
    /// binding is over; a descriptor the loop closes meanwhile reads -1 and is skipped. One closed between this read
    /// and the send may reach the receiver as whatever reused its number: <see cref="TakeInherited"/> adopts only a
    /// listening socket bound to the expected address, so the worst case is a fresh bind.
    /// </summary>
    public List<(int Fd, string Key)> OpenListeners()
    {
        var list = new List<(int, string)>(_bound.Count);
        foreach (var (listener, key) in _bound)
        {
            var fd = listener.Socket.Fd;
            if (fd >= 0)
            {
                list.Add((fd, key));
            }
        }

        return list;
    }

    private static bool IsListening(int fd, IPEndPoint endPoint)
    {
        int accepting = 0;
        var length = (uint)sizeof(int);
        if (LibC.GetSockOpt(fd, Linux.SOL_SOCKET, LibC.SO_ACCEPTCONN, &accepting, &length) != 0 || accepting == 0)
        {
            return false;
        }

        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var addrLength = (uint)SockAddr.MaxSize;
        return LibC.GetSockName(fd, addr, &addrLength) == 0
            && SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)addrLength)) is { } local
            && local.Equals(endPoint);
    }

    /// <summary>A bound listener as recorded (kept by reference: its fd is -1 once closed).</summary>
    private readonly record struct EpollListenerRef(IListenerSocket Socket);
}
