using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>Listeners and connections on <see cref="Socket"/> in non-blocking mode, for systems without epoll.</summary>
/// <remarks>Same 1.4 behaviour as the epoll transport (<c>tcp_bind_listener</c>, <c>tcpv4_connect_server</c>).</remarks>
public sealed class SelectNetwork : INetwork, IDisposable
{
    private readonly SelectPoller _poller = new();

    public IPoller Poller => _poller;

    /// <inheritdoc />
    /// <remarks>
    /// Portable subset: the accepted sockets' options are applied; the Linux-only listener options (defer-accept,
    /// mss, interface, transparent) are not available here and are ignored.
    /// </remarks>
    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, in ListenerOptions options, out string? message, out ListenSeverity severity)
    {
        var listener = Listen(endPoint, backlog, out message);
        severity = listener is not null && message is not null ? ListenSeverity.Alert : ListenSeverity.None;
        if (listener is SelectListener select)
        {
            select.AcceptedOptions = options.Accepted;
        }

        return listener;
    }

    public IListenerSocket? Listen(IPEndPoint endPoint, int backlog, out string? error)
    {
        error = null;
        Socket socket;
        try
        {
            socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
        }
        catch (SocketException)
        {
            error = BindReasons.CannotCreate;
            return null;
        }

        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        }
        catch (SocketException)
        {
            error = BindReasons.CannotReuseAddr;
        }

        TrySetReusePort(socket);
        try
        {
            socket.Bind(endPoint);
        }
        catch (SocketException)
        {
            socket.Dispose();
            error = BindReasons.CannotBind;
            return null;
        }

        try
        {
            socket.Listen(backlog);
        }
        catch (SocketException)
        {
            socket.Dispose();
            error = BindReasons.CannotListen;
            return null;
        }

        var listener = new SelectListener(_poller, socket, backlog);
        _poller.Add(listener);
        return listener;
    }

    /// <inheritdoc />
    public int LastConnectFd { get; private set; } = -1;

    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, out ConnectStatus status, out int errno)
        => Connect(target, source, default, out status, out errno);

    /// <inheritdoc />
    /// <remarks>
    /// Portable subset of tcpv4_connect_server: SO_KEEPALIVE, SO_LINGER, source bind, buffers. No interface binding
    /// and no foreign (<c>usesrc</c>) source: a foreign bind is reported as refused by the kernel.
    /// </remarks>
    public IConnection? Connect(IPEndPoint target, IPEndPoint? source, in SocketOptions options, out ConnectStatus status, out int errno)
    {
        errno = 0;
        Socket socket;
        try
        {
            socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false, NoDelay = true };
            LastConnectFd = (int)socket.Handle;
        }
        catch (SocketException e)
        {
            LastConnectFd = -1;
            errno = e.NativeErrorCode;
            status = ConnectStatus.Resource;
            return null;
        }

        PortableOptions.Apply(socket, options);
        try
        {
            if (source is not null)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(source);
            }
        }
        catch (SocketException e)
        {
            socket.Dispose();
            errno = e.NativeErrorCode;
            status = ConnectStatus.SourceBindFailed;
            return null;
        }

        if (source is not null && options.ForeignSource is not null)
        {
            socket.Dispose();
            status = ConnectStatus.ForeignBindFailed;
            return null;
        }

        try
        {
            socket.Connect(target);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
            // the expected answer of a non-blocking connect
        }
        catch (SocketException e)
        {
            socket.Dispose();
            errno = e.NativeErrorCode;
            status = e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AddressNotAvailable or SocketError.NoBufferSpaceAvailable
                ? ConnectStatus.Resource
                : ConnectStatus.Refused;
            return null;
        }

        var connection = new SelectConnection(_poller, socket, target);
        _poller.Add(connection);
        status = ConnectStatus.InProgress;
        return connection;
    }

    public void Dispose() => _poller.Dispose();

    private static void TrySetReusePort(Socket socket)
    {
        // SOL_SOCKET/SO_REUSEPORT differ per system; 1.4 ignores a failure here.
        try
        {
            if (OperatingSystem.IsLinux())
            {
                socket.SetRawSocketOption(1, 15, BitConverter.GetBytes(1));
            }
            else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
            {
                socket.SetRawSocketOption(0xffff, 0x200, BitConverter.GetBytes(1));
            }
        }
        catch (SocketException)
        {
        }
    }
}
