namespace HaproxyNet.Core.Proxies;

/// <summary>The free ports of a server's <c>source addr:low-high</c> range, handed out in turn (a ring).</summary>
/// <remarks>
/// 1.4's <c>struct port_range</c> with <c>port_range_alloc_range</c>, <c>port_range_alloc_port</c> and
/// <c>port_range_release_port</c> (include/proto/port_range.h): ports start in ascending order, a connection takes
/// the oldest free port and gives it back at the end of the ring when its socket is closed.
/// </remarks>
public sealed class SourcePortRange
{
    private readonly int[] _ports;
    private int _get;
    private int _put;

    /// <summary>port_range_alloc_range filled with <paramref name="low"/>..<paramref name="high"/>.</summary>
    public SourcePortRange(int low, int high)
    {
        _ports = new int[high - low + 1];
        for (var i = 0; i < _ports.Length; i++)
        {
            _ports[i] = low + i;
        }

        Available = _ports.Length;
    }

    public int Size => _ports.Length;

    /// <summary>Ports not in use.</summary>
    public int Available { get; private set; }

    /// <summary>port_range_alloc_port: the next free port, or 0 when all are in use.</summary>
    public int Allocate()
    {
        if (Available == 0)
        {
            return 0;
        }

        var port = _ports[_get];
        _get = _get + 1 >= _ports.Length ? 0 : _get + 1;
        Available--;
        return port;
    }

    /// <summary>port_range_release_port: gives <paramref name="port"/> back (0 is ignored).</summary>
    public void Release(int port)
    {
        if (port == 0)
        {
            return;
        }

        _ports[_put] = port;
        _put = _put + 1 >= _ports.Length ? 0 : _put + 1;
        Available++;
    }
}
