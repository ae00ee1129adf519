using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>A listening <see cref="Socket"/> for the portable transport.</summary>
internal sealed class SelectListener : SelectEntry, IListenerSocket, IFileDescriptor
{
    internal SelectListener(SelectPoller poller, Socket socket)
        : base(poller, socket)
    {
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IIoHandler? Handler { get; set; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Options every accepted socket gets (clitcpka, nolinger, client buffers).</summary>
    internal SocketOptions AcceptedOptions { get; set; }

    public int FileDescriptor => IsClosed ? -1 : (int)Socket.Handle;

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
