using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace HaproxyNet.IO.Native;

/// <summary>Converts between <see cref="IPEndPoint"/> and <c>sockaddr_in</c>/<c>sockaddr_in6</c> bytes.</summary>
internal static class SockAddr
{
    /// <summary>Big enough for sockaddr_in6 (28) and sockaddr_storage-sized answers we ask for.</summary>
    internal const int MaxSize = 128;

    internal static int Family(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? Linux.AF_INET6 : Linux.AF_INET;

    /// <summary>Writes the endpoint into <paramref name="buffer"/>; returns the address length.</summary>
    internal static int Write(IPEndPoint endPoint, Span<byte> buffer)
    {
        buffer[..28].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], (ushort)endPoint.Port);
        if (endPoint.AddressFamily == AddressFamily.InterNetworkV6)
        {
            BitConverter.TryWriteBytes(buffer, (ushort)Linux.AF_INET6);
            endPoint.Address.TryWriteBytes(buffer.Slice(8, 16), out _);
            BitConverter.TryWriteBytes(buffer[24..], (uint)endPoint.Address.ScopeId);
            return 28;
        }

        BitConverter.TryWriteBytes(buffer, (ushort)Linux.AF_INET);
        endPoint.Address.TryWriteBytes(buffer.Slice(4, 4), out _);
        return 16;
    }

    /// <summary>Reads an AF_INET/AF_INET6 address, or null for any other family.</summary>
    internal static IPEndPoint? Read(ReadOnlySpan<byte> buffer)
    {
        int family = BitConverter.ToUInt16(buffer);
        int port = BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]);
        if (family == Linux.AF_INET)
        {
            return new IPEndPoint(new IPAddress(buffer.Slice(4, 4)), port);
        }

        if (family == Linux.AF_INET6)
        {
            var scope = BitConverter.ToUInt32(buffer[24..]);
            return new IPEndPoint(new IPAddress(buffer.Slice(8, 16), scope), port);
        }

        return null;
    }
}
