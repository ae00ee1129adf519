using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using HaproxyNet.Core.Logging;

namespace HaproxyNet.Logging.Targets;

/// <summary>Sends finished datagrams: one lazily created non-blocking socket per family, as 1.4 does.</summary>
/// <remarks>
/// On Linux the raw libc path (<see cref="NativeDatagramSender"/>) keeps 1.4's errno; elsewhere .NET sockets.
/// 1.4's <c>send_log</c>: UDP for <c>addr[:port]</c> (default port 514), a UNIX datagram socket for paths,
/// receive buffer 0, never blocking; a failure is reported, never thrown. Not thread-safe (NLog serialises
/// writes to a target).
/// </remarks>
public sealed class SyslogTransport : IDisposable
{
    /// <summary>The syslog port used when a target's endpoint has none.</summary>
    public const int DefaultPort = 514;

    private readonly Dictionary<LogTarget, SocketAddress> _addresses = new(ReferenceEqualityComparer.Instance);
    private readonly NativeDatagramSender? _native;
    private Socket? _inet;
    private Socket? _inet6;
    private Socket? _unix;

    /// <param name="preferNative">Use the libc path when on Linux (false forces .NET sockets, for tests).</param>
    public SyslogTransport(bool preferNative = true)
    {
        _native = preferNative && OperatingSystem.IsLinux() ? new NativeDatagramSender() : null;
    }

    /// <summary>Sends <paramref name="datagram"/>; returns null on success, else what failed.</summary>
    public SyslogSendFailure? Send(LogTarget target, ReadOnlySpan<byte> datagram)
    {
        if (_native is not null)
        {
            return _native.Send(target, datagram);
        }

        Socket? socket;
        try
        {
            socket = SocketFor(target);
        }
        catch (SocketException e)
        {
            return Failure(target, e, "socket");
        }

        if (socket is null)
        {
            return null; // neither an endpoint nor a path: nothing to send to
        }

        try
        {
            socket.SendTo(datagram, SocketFlags.None, AddressOf(target));
            return null;
        }
        catch (SocketException e)
        {
            return Failure(target, e, "sendto");
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _native?.Dispose();
        _inet?.Dispose();
        _inet6?.Dispose();
        _unix?.Dispose();
    }

    private Socket? SocketFor(LogTarget target)
    {
        if (target.UnixPath is not null)
        {
            return _unix ??= Open(AddressFamily.Unix, ProtocolType.Unspecified);
        }

        if (target.EndPoint is null)
        {
            return null;
        }

        return target.EndPoint.AddressFamily == AddressFamily.InterNetworkV6
            ? _inet6 ??= Open(AddressFamily.InterNetworkV6, ProtocolType.Udp)
            : _inet ??= Open(AddressFamily.InterNetwork, ProtocolType.Udp);
    }

    private static Socket Open(AddressFamily family, ProtocolType protocol)
    {
        var socket = new Socket(family, SocketType.Dgram, protocol) { Blocking = false };
        try
        {
            socket.ReceiveBufferSize = 0; // we never read from it
        }
        catch (SocketException)
        {
        }

        return socket;
    }

    /// <summary>Where a target's datagrams go: its Unix path, or its endpoint with port 514 when it has none.</summary>
    public static EndPoint? DestinationOf(LogTarget target) =>
        target.UnixPath is not null ? new UnixDomainSocketEndPoint(target.UnixPath)
        : target.EndPoint is null ? null
        : target.EndPoint.Port == 0 ? new IPEndPoint(target.EndPoint.Address, DefaultPort)
        : target.EndPoint;

    private SocketAddress AddressOf(LogTarget target)
    {
        if (!_addresses.TryGetValue(target, out var address))
        {
            address = DestinationOf(target)!.Serialize();
            _addresses[target] = address;
        }

        return address;
    }

    private static SyslogSendFailure Failure(LogTarget target, SocketException e, string operation)
    {
        var errno = e.NativeErrorCode;
        return new SyslogSendFailure(target, errno, Marshal.GetPInvokeErrorMessage(errno), operation);
    }
}
