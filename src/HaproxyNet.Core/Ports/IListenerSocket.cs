using System.Net;

namespace HaproxyNet.Core.Ports;

/// <summary>A bound, listening socket (1.4 <c>struct listener</c>'s fd).</summary>
public interface IListenerSocket
{
    /// <summary>Called on readiness to accept (1.4's <c>event_accept</c> is the handler's OnReadable).</summary>
    IIoHandler? Handler { get; set; }

    IPEndPoint LocalEndPoint { get; }

    /// <summary>The descriptor number (the <c>-d</c> trace's <c>accept(%04x)</c>), -1 once closed.</summary>
    int Fd { get; }

    /// <summary>accept(): a new non-blocking connection, or null with <paramref name="status"/> WouldBlock/Error.</summary>
    /// <param name="errno">errno on Error (EMFILE, ENFILE, ENOBUFS, ENOMEM are logged by the caller).</param>
    IConnection? TryAccept(out IoStatus status, out int errno);

    /// <summary>Enables or disables accept polling (listener FULL, proxy paused).</summary>
    void SetInterest(bool read);

    void Close();
}
