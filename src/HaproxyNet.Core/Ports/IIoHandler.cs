namespace HaproxyNet.Core.Ports;

/// <summary>Readiness callbacks of one socket, run by <see cref="IPoller.Poll"/> on the loop thread.</summary>
/// <remarks>1.4's <c>fdtab[fd].cb[DIR_RD|DIR_WR]</c>: callbacks move bytes and wake tasks, never run session logic.</remarks>
public interface IIoHandler
{
    /// <summary>Data, end of stream, an error or (listener) a pending connection can be read.</summary>
    void OnReadable();

    /// <summary>Room to send, or a non-blocking connect has completed (check <see cref="IConnection.TakeSocketError"/>).</summary>
    void OnWritable();
}
