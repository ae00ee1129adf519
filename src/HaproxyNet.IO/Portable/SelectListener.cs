using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>A listening <see cref="Socket"/> for the portable transport.</summary>
internal sealed class SelectListener : SelectEntry, IListenerSocket
{
    internal SelectListener(SelectPoller poller, Socket socket, int backlog)
        : base(poller, socket)
    {
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        Backlog = backlog;
    }

    /// <summary>The listen() backlog given at bind time, reused by <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    internal int Backlog { get; }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The socket handle, which is the descriptor number on Unix; -1 once closed.</summary>
    public int Fd => IsClosed ? -1 : (int)Socket.Handle;

    /// <summary>Options every accepted socket gets (clitcpka, nolinger, client buffers).</summary>
    internal SocketOptions AcceptedOptions { get; set; }

    public IConnection? TryAccept(out IoStatus status, out int errno)
    {
        errno = 0;
        if (IsClosed)
        {
            status = IoStatus.Error;
            return null;
        }

        // Ask first so that the usual "no more connections" answer costs no exception.
        if (!Socket.Poll(0, SelectMode.SelectRead))
        {
            status = IoStatus.WouldBlock;
            return null;
        }

        try
        {
            var accepted = Socket.Accept();
            accepted.Blocking = false;
            accepted.NoDelay = true;
            PortableOptions.Apply(accepted, AcceptedOptions);
            var connection = new SelectConnection(Poller, accepted, accepted.RemoteEndPoint as IPEndPoint);
            Poller.Add(connection);
            status = IoStatus.Ok;
            return connection;
        }
        catch (SocketException e)
        {
            errno = e.NativeErrorCode;
            status = e.SocketErrorCode is SocketError.WouldBlock or SocketError.Interrupted or SocketError.ConnectionAborted
                ? IoStatus.WouldBlock
                : IoStatus.Error;
            return null;
        }
    }

    public void SetInterest(bool read) => WantRead = read;

    /// <inheritdoc />
    /// <remarks>
    /// Best effort with <see cref="Socket"/>: the same three calls as 1.4 (Shutdown(Send), Listen, Shutdown(Receive)),
    /// each mapped by .NET to the system call. On Linux the result is the epoll transport's (connects refused,
    /// backlog reset, port kept). Elsewhere it is whatever the system does with a shut listening socket: .NET
    /// reports ENOTCONN as success once a socket was disconnected, and some systems refuse shutdown() on a
    /// listener (this returns false, the proxy goes to ERROR and 1.4's soft stop follows, as on those systems).
    /// </remarks>
    public bool Pause()
    {
        if (IsClosed)
        {
            return false;
        }

        try
        {
            Socket.Shutdown(SocketShutdown.Send);
            Socket.Listen(Backlog);
            Socket.Shutdown(SocketShutdown.Receive);
        }
        catch (SocketException)
        {
            return false;
        }

        WantRead = false;
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Socket.Listen again with the bind-time backlog; a busy port throws (false).</remarks>
    public bool Resume()
    {
        if (IsClosed)
        {
            return false;
        }

        try
        {
            Socket.Listen(Backlog);
        }
        catch (SocketException)
        {
            return false;
        }

        return true;
    }

    public void Close()
    {
        if (IsClosed)
        {
            return;
        }

        Poller.Remove(this);
        WantRead = false;
        Socket.Dispose();
    }

    internal override void FireRead() => Handler?.OnReadable();

    internal override void FireWrite()
    {
    }
}
