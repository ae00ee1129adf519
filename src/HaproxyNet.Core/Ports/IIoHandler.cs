namespace HaproxyNet.Core.Ports;

/// <summary>Readiness callbacks of one socket, run by <see cref="IPoller.Poll"/> on the loop thread.</summary>
/// <remarks>1.4's <c>fdtab[fd].cb[DIR_RD|DIR_WR]</c>: callbacks move bytes and wake tasks, never run session logic.</remarks>
public interface IIoHandler
{
    /// <summary>Data, end of stream, an error or (listener) a pending connection can be read.</summary>
    void OnReadable();

    /// <summary>Room to send, or a non-blocking connect has completed (check <see cref="IConnection.TakeSocketError"/>).</summary>
    void OnWritable();

    /// <summary>
    /// True when the next <see cref="OnWritable"/> on a connecting socket sends data at once, so that send() itself
    /// tells whether the connect completed (1.4's stream_sock_write): the transport then skips its own connect()
    /// check. False (the default) asks the transport to check the connect before calling <see cref="OnWritable"/>.
    /// </summary>
    bool ConfirmsConnectBySend => false;
}
