using System.Net;

namespace HaproxyNet.Core.Ports;

/// <summary>One non-blocking TCP stream socket owned by the loop thread (an fd in 1.4).</summary>
public interface IConnection
{
    /// <summary>Receives readiness callbacks; set by the owner before interest is enabled.</summary>
    IIoHandler? Handler { get; set; }

    IPEndPoint LocalEndPoint { get; }

    IPEndPoint RemoteEndPoint { get; }

    /// <summary>The descriptor number (the <c>-d</c> trace prints it as <c>%04x</c>), -1 once closed.</summary>
    int Fd { get; }

    /// <summary>
    /// The destination the client asked for (get_original_dst: SO_ORIGINAL_DST of a NATed connection), falling back
    /// to the local address (getsockname), as 1.4's <c>get_frt_addr</c>. Read lazily: it costs system calls.
    /// </summary>
    IPEndPoint OriginalDestination => LocalEndPoint;

    /// <summary>recv(): at most <c>buffer.Length</c> bytes.</summary>
    int Receive(Span<byte> buffer, out IoStatus status);

    /// <summary>send() with MSG_NOSIGNAL|MSG_DONTWAIT: returns the bytes accepted by the kernel.</summary>
    int Send(ReadOnlySpan<byte> data, out IoStatus status);

    /// <summary>Enables or disables read/write readiness polling (EV_FD_SET / EV_FD_CLR).</summary>
    void SetInterest(bool read, bool write);

    /// <summary>shutdown(SHUT_WR): sends FIN.</summary>
    void ShutdownWrite();

    /// <summary>
    /// getsockopt(SO_ERROR) after a connect completed: 0 when connected, else the errno. A <see cref="Send"/> on a
    /// connecting socket (see <see cref="IIoHandler.ConfirmsConnectBySend"/>) that succeeds proves the connect; one
    /// that fails leaves the connect's errno here.
    /// </summary>
    int TakeSocketError();

    /// <summary>Closes the socket; <paramref name="reset"/> sends RST (SO_LINGER 0). Idempotent.</summary>
    void Close(bool reset = false);

    /// <summary>
    /// splice() from this socket into <paramref name="pipe"/>: at most <paramref name="max"/> bytes. WouldBlock
    /// when the socket has nothing (with an empty pipe) or the pipe is full (with data in it), EndOfStream at the
    /// peer's FIN, Error for a socket error; <paramref name="unsupported"/> when the kernel refuses to splice this
    /// socket (EINVAL/ENOSYS: copy instead). Only called with a pipe from <see cref="INetwork.GetPipe"/>.
    /// </summary>
    int SpliceIn(IPipe pipe, int max, out IoStatus status, out bool unsupported) =>
        throw new NotSupportedException("this transport has no splice");

    /// <summary>splice() from <paramref name="pipe"/> into this socket: as much as the socket takes.</summary>
    int SpliceOut(IPipe pipe, out IoStatus status) =>
        throw new NotSupportedException("this transport has no splice");
}
