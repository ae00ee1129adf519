using System.Net.Sockets;

namespace HaproxyNet.IO.Portable;

/// <summary>One socket known to <see cref="SelectPoller"/> with its wanted directions.</summary>
internal abstract class SelectEntry
{
    protected SelectEntry(SelectPoller poller, Socket socket)
    {
        Poller = poller;
        Socket = socket;
    }

    internal SelectPoller Poller { get; }

    internal Socket Socket { get; }

    internal bool WantRead { get; set; }

    internal bool WantWrite { get; set; }

    /// <summary>Set by the poller between select() and dispatch.</summary>
    internal bool ReadyRead { get; set; }

    internal bool ReadyWrite { get; set; }

    internal bool IsClosed { get; set; }

    internal abstract void FireRead();

    internal abstract void FireWrite();
}
