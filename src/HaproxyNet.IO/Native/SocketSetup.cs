using System.Net;
using System.Text;
using HaproxyNet.Core.Ports;

namespace HaproxyNet.IO.Native;

/// <summary>The option calls of 1.4's event_accept, tcpv4_connect_server and tcp_bind_listener on a raw fd.</summary>
/// <remarks>Each option costs a system call only when asked: a default <see cref="SocketOptions"/> costs none.</remarks>
internal static unsafe class SocketSetup
{
    /// <summary>
    /// SO_KEEPALIVE, then SO_LINGER {1, 0}, then the buffers, as <c>event_accept</c> orders them; failures are
    /// ignored (1.4 does not check these setsockopt calls).
    /// </summary>
    internal static void ApplyAccepted(int fd, in SocketOptions o)
    {
        if (o.IsDefault)
        {
            return;
        }

        if (o.KeepAlive)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_KEEPALIVE, 1);
        }

        if (o.NoLinger)
        {
            SetNoLinger(fd);
        }

        ApplyBuffers(fd, o);
    }

    /// <summary>SO_SNDBUF / SO_RCVBUF when set (the kernel doubles the value it stores).</summary>
    internal static void ApplyBuffers(int fd, in SocketOptions o)
    {
        if (o.SendBuffer != 0)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_SNDBUF, o.SendBuffer);
        }

        if (o.ReceiveBuffer != 0)
        {
            LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_RCVBUF, o.ReceiveBuffer);
        }
    }

    /// <summary>struct linger { l_onoff = 1, l_linger = 0 }: close() sends RST.</summary>
    internal static bool SetNoLinger(int fd)
    {
        var linger = stackalloc int[2] { 1, 0 };
        return LibC.SetSockOpt(fd, Linux.SOL_SOCKET, Linux.SO_LINGER, linger, 2 * sizeof(int)) == 0;
    }

    /// <summary>SO_BINDTODEVICE with the NUL-terminated interface name.</summary>
    internal static bool BindToDevice(int fd, string name)
    {
        var length = Encoding.UTF8.GetByteCount(name);
        var bytes = stackalloc byte[length + 1];
        Encoding.UTF8.GetBytes(name, new Span<byte>(bytes, length));
        bytes[length] = 0;
        return LibC.SetSockOpt(fd, Linux.SOL_SOCKET, Linux.SO_BINDTODEVICE, bytes, (uint)(length + 1)) == 0;
    }

    /// <summary>IP_TRANSPARENT, else IP_FREEBIND (IPV6_TRANSPARENT for IPv6): lets the socket bind a foreign address.</summary>
    internal static bool AllowForeignBind(int fd, IPEndPoint endPoint)
    {
        if (endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return LibC.SetInt(fd, Linux.SOL_IPV6, Linux.IPV6_TRANSPARENT, 1)
                || LibC.SetInt(fd, Linux.SOL_IP, Linux.IP_FREEBIND, 1);
        }

        return LibC.SetInt(fd, Linux.SOL_IP, Linux.IP_TRANSPARENT, 1)
            || LibC.SetInt(fd, Linux.SOL_IP, Linux.IP_FREEBIND, 1);
    }

    /// <summary>
    /// tcpv4_bind_socket: SO_REUSEADDR then bind the foreign address when one is asked and the kernel lets the
    /// socket be transparent, else the local source. Returns 0 when bound, 1 when the local bind failed, 2 when
    /// the foreign address could not be used (refused transparency or failed bind).
    /// </summary>
    internal static int BindSource(int fd, IPEndPoint source, IPEndPoint? foreign)
    {
        var foreignOk = foreign is not null && AllowForeignBind(fd, foreign);
        LibC.SetInt(fd, Linux.SOL_SOCKET, Linux.SO_REUSEADDR, 1);
        byte* addr = stackalloc byte[SockAddr.MaxSize];
        if (foreignOk)
        {
            var length = SockAddr.Write(foreign!, new Span<byte>(addr, SockAddr.MaxSize));
            return LibC.Bind(fd, addr, (uint)length) == 0 ? 0 : 2;
        }

        var sourceLength = SockAddr.Write(source, new Span<byte>(addr, SockAddr.MaxSize));
        if (LibC.Bind(fd, addr, (uint)sourceLength) != 0)
        {
            return 1;
        }

        return foreign is null ? 0 : 2;
    }

    /// <summary>
    /// get_frt_addr: SO_ORIGINAL_DST (IPv4 NAT), else getsockname; null when neither answers.
    /// </summary>
    internal static IPEndPoint? OriginalDestination(int fd)
    {
        byte* addr = stackalloc byte[SockAddr.MaxSize];
        var length = (uint)SockAddr.MaxSize;
        if (LibC.GetSockOpt(fd, Linux.SOL_IP, Linux.SO_ORIGINAL_DST, addr, &length) == 0
            && SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)length)) is { } original)
        {
            return original;
        }

        length = (uint)SockAddr.MaxSize;
        return LibC.GetSockName(fd, addr, &length) == 0 ? SockAddr.Read(new ReadOnlySpan<byte>(addr, (int)length)) : null;
    }
}
