namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Where a message went wrong, for the stats socket's <c>show errors</c> (the non-byte fields of 1.4's
/// <c>struct error_snapshot</c> as <c>http_capture_bad_message</c> fills them). The engine copies the bytes
/// <c>data[Som .. Som + Length]</c> itself (1.4 keeps at most its buffer size of them).
/// </summary>
public readonly struct HttpErrorSnapshot
{
    /// <summary>Offset of the message start in the data at capture time.</summary>
    public int Som { get; init; }

    /// <summary>Bytes from the message start to the end of the data (<c>len</c>).</summary>
    public int Length { get; init; }

    /// <summary>Error position relative to <see cref="Som"/> (<c>pos</c>): the recorded bad byte, else the parse position.</summary>
    public int Position { get; init; }

    /// <summary>Message state passed by the caller (1.4 passes <c>msg_state</c>, e.g. <see cref="HttpMsgState.Error"/>).</summary>
    public HttpMsgState State { get; init; }

    /// <summary>State in which the parser met the bad byte.</summary>
    public HttpMsgState ErrorState { get; init; }

    /// <summary>Captures <paramref name="msg"/> over data of <paramref name="dataLength"/> bytes.</summary>
    public static HttpErrorSnapshot Capture(HttpMsg msg, int dataLength) => new()
    {
        Som = msg.Som,
        Length = dataLength - msg.Som,
        Position = (msg.ErrPos >= 0 ? msg.ErrPos : msg.Next) - msg.Som,
        State = msg.State,
        ErrorState = msg.ErrState,
    };
}
