using System.Net;
using System.Net.Sockets;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Portable;

/// <summary>A non-blocking <see cref="Socket"/> for the portable transport.</summary>
internal sealed class SelectConnection : SelectEntry, IConnection
{
    private IPEndPoint? _local;
    private IPEndPoint? _remote;

    internal SelectConnection(SelectPoller poller, Socket socket, IPEndPoint? remote)
        : base(poller, socket)
    {
        _remote = remote;
    }

    public IIoHandler? Handler { get; set; }

    /// <summary>The socket handle, which is the descriptor number on Unix; -1 once closed.</summary>
    public int Fd => IsClosed ? -1 : (int)Socket.Handle;

    public IPEndPoint LocalEndPoint => _local ??= Socket.LocalEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);

    public IPEndPoint RemoteEndPoint => _remote ??= Socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Any, 0);

    /// <inheritdoc />
    /// <remarks>get_frt_addr: SO_ORIGINAL_DST where Linux answers it (IPv4 NAT), else the local address.</remarks>
    public IPEndPoint OriginalDestination
    {
        get
        {
            if (!IsClosed && OperatingSystem.IsLinux() && Socket.AddressFamily == AddressFamily.InterNetwork)
            {
                Span<byte> addr = stackalloc byte[Native.SockAddr.MaxSize];
                try
                {
                    var n = Socket.GetRawSocketOption(Native.Linux.SOL_IP, Native.Linux.SO_ORIGINAL_DST, addr);
                    if (Native.SockAddr.Read(addr[..n]) is { } original)
                    {
                        return original;
                    }
                }
                catch (SocketException)
                {
                    // no NAT entry (ENOENT) or no conntrack: the local address, as 1.4 falls back to getsockname
                }
            }

            return LocalEndPoint;
        }
    }

    public int Receive(Span<byte> buffer, out IoStatus status)
    {
        if (IsClosed)
        {
            status = IoStatus.Error;
            return 0;
        }

        if (buffer.IsEmpty)
        {
            status = IoStatus.Ok;
            return 0;
        }

        var n = Socket.Receive(buffer, SocketFlags.None, out var error);
        status = error switch
        {
            SocketError.Success => n > 0 ? IoStatus.Ok : IoStatus.EndOfStream,
            SocketError.WouldBlock or SocketError.Interrupted => IoStatus.WouldBlock,
            _ => IoStatus.Error,
        };
        return status == IoStatus.Ok ? n : 0;
    }

    public int Send(ReadOnlySpan<byte> data, out IoStatus status)
    {
        if (IsClosed)
        {
            status = IoStatus.Error;
            return 0;
        }

        if (data.IsEmpty)
        {
            status = IoStatus.Ok;
            return 0;
        }

        var n = Socket.Send(data, SocketFlags.None, out var error);
        status = error switch
        {
            SocketError.Success => IoStatus.Ok,
            SocketError.WouldBlock or SocketError.Interrupted => IoStatus.WouldBlock,
            _ => IoStatus.Error,
        };
        return status == IoStatus.Ok ? n : 0;
    }

    public void SetInterest(bool read, bool write)
    {
        WantRead = read;
        WantWrite = write;
    }

    public void ShutdownWrite()
    {
        if (IsClosed)
        {
            return;
        }

        try
        {
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // ENOTCONN after a reset: nothing left to shut
        }
    }

    /// <remarks>The platform's socket error code (.NET's <see cref="SocketError"/> value), 0 when connected.</remarks>
    public int TakeSocketError()
    {
        if (IsClosed)
        {
            return 0;
        }

        return Socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is int error ? error : 0;
    }

    public void Close(bool reset = false)
    {
        if (IsClosed)
        {
            return;
        }

        Poller.Remove(this);
        WantRead = WantWrite = false;
        if (reset)
        {
            Socket.LingerState = new LingerOption(true, 0);
        }

        Socket.Dispose();
    }

    internal override void FireRead() => Handler?.OnReadable();

    internal override void FireWrite() => Handler?.OnWritable();
}
