using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using HaproxyNet.Core.Logging;

namespace HaproxyNet.Logging.Targets;

/// <summary>Linux datagram sending on raw sockets: one lazily opened fd per family, sendto with MSG_DONTWAIT.</summary>
/// <remarks>1.4's <c>send_log</c> transport, byte for byte, including its errno in failures.</remarks>
internal sealed unsafe class NativeDatagramSender : IDisposable
{
    private readonly Dictionary<LogTarget, byte[]> _addresses = new(ReferenceEqualityComparer.Instance);
    private int _inet = -1;
    private int _inet6 = -1;
    private int _unix = -1;

    public SyslogSendFailure? Send(LogTarget target, ReadOnlySpan<byte> datagram)
    {
        var family = target.UnixPath is not null ? LibC.AF_UNIX
            : target.EndPoint is null ? 0
            : target.EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? LibC.AF_INET6 : LibC.AF_INET;
        if (family == 0)
        {
            return null;
        }

        ref var fd = ref family == LibC.AF_UNIX ? ref _unix : ref family == LibC.AF_INET6 ? ref _inet6 : ref _inet;
        if (fd < 0)
        {
            fd = LibC.Socket(family, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0);
            if (fd < 0)
            {
                return Failure(target, LibC.Errno, "socket");
            }

            var zero = 0;
            LibC.SetSockOpt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, &zero, sizeof(int));
        }

        var address = AddressOf(target);
        nint sent;
        fixed (byte* data = datagram)
        fixed (byte* addr = address)
        {
            sent = LibC.SendTo(fd, data, (nuint)datagram.Length, LibC.MSG_DONTWAIT | LibC.MSG_NOSIGNAL, addr, (uint)address.Length);
        }

        return sent < 0 ? Failure(target, LibC.Errno, "sendto") : null;
    }

    public void Dispose()
    {
        foreach (var fd in (ReadOnlySpan<int>)[_inet, _inet6, _unix])
        {
            if (fd >= 0)
            {
                LibC.Close(fd);
            }
        }

        _inet = _inet6 = _unix = -1;
    }

    private static SyslogSendFailure Failure(LogTarget target, int errno, string operation) =>
        new(target, errno, Marshal.GetPInvokeErrorMessage(errno), operation);

    private byte[] AddressOf(LogTarget target)
    {
        if (!_addresses.TryGetValue(target, out var address))
        {
            address = target.UnixPath is { } path ? UnixAddress(path) : InetAddress((IPEndPoint)SyslogTransport.DestinationOf(target)!);
            _addresses[target] = address;
        }

        return address;
    }

    private static byte[] UnixAddress(string path)
    {
        // struct sockaddr_un: family, then the NUL-terminated path (at most 108 bytes with the NUL).
        var bytes = Encoding.UTF8.GetBytes(path);
        var length = Math.Min(bytes.Length, 107);
        var address = new byte[2 + length + 1];
        BitConverter.TryWriteBytes(address, (ushort)LibC.AF_UNIX);
        bytes.AsSpan(0, length).CopyTo(address.AsSpan(2));
        return address;
    }

    private static byte[] InetAddress(IPEndPoint endPoint)
    {
        var v6 = endPoint.AddressFamily == AddressFamily.InterNetworkV6;
        var address = new byte[v6 ? 28 : 16];
        BitConverter.TryWriteBytes(address, (ushort)(v6 ? LibC.AF_INET6 : LibC.AF_INET));
        BinaryPrimitives.WriteUInt16BigEndian(address.AsSpan(2), (ushort)endPoint.Port);
        if (v6)
        {
            endPoint.Address.TryWriteBytes(address.AsSpan(8, 16), out _);
            BitConverter.TryWriteBytes(address.AsSpan(24), (uint)endPoint.Address.ScopeId);
        }
        else
        {
            endPoint.Address.TryWriteBytes(address.AsSpan(4, 4), out _);
        }

        return address;
    }
}
