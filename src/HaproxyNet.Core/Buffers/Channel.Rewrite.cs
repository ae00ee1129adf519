namespace HaproxyNet.Core.Buffers;

/// <summary>Rewriting bytes already scheduled for sending but not sent yet (a request waiting for its server).</summary>
/// <remarks>
/// 1.4 forwards the request headers (XFER_BODY) before the connection is set up, then may still edit them at connect
/// time (<c>http-send-name-header</c>). <see cref="Replace"/> never touches scheduled bytes, so such an edit takes
/// them back first and schedules them again with the size change (1.4.25: <c>send_max -= delta</c>).
/// </remarks>
public sealed partial class Channel
{
    /// <summary>Takes back every scheduled byte (none is sent yet); returns how many were scheduled.</summary>
    internal int Unschedule()
    {
        var n = SendMax;
        SendMax = 0;
        return n;
    }

    /// <summary>Schedules the first <paramref name="n"/> bytes again after <see cref="Unschedule"/> and an edit.</summary>
    internal void Reschedule(int n) => SendMax = Math.Clamp(n, 0, Length);
}
