namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// One HTTP message (request or response) being parsed in place (1.4's <c>struct http_msg</c> plus the parse
/// pointer <c>buf-&gt;lr</c>, here <see cref="Next"/>). One instance per direction lives in the transaction and is
/// reused with <see cref="ResetRequest"/>/<see cref="ResetResponse"/>: nothing is allocated per message.
/// </summary>
/// <remarks>
/// Every offset is an index into the data span the caller passes (the channel's data, index 0 = its first byte).
/// When the caller removes bytes in front of the message (forwarded data, ignored empty lines) it calls
/// <see cref="Rebase"/> with the (negative) shift so offsets keep pointing at the same bytes.
/// </remarks>
public sealed class HttpMsg
{
    /// <summary><see cref="ErrPos"/> value of a strict message: any invalid byte is an error.</summary>
    public const int ErrPosStrict = -2;

    /// <summary><see cref="ErrPos"/> value under <c>accept-invalid-http-*</c> while no bad byte was seen yet.</summary>
    public const int ErrPosAccept = -1;

    /// <summary>Current state (<c>msg_state</c>).</summary>
    public HttpMsgState State;

    /// <summary>Next byte to parse (1.4's <c>buf-&gt;lr</c>).</summary>
    public int Next;

    /// <summary>Where the message was expected to begin (1.4's <c>buf-&gt;w + send_max</c> at reset).</summary>
    public int Start;

    /// <summary>Start of message: first byte of the start line (<c>som</c>); equals <see cref="Start"/> until found.</summary>
    public int Som;

    /// <summary>Start of the line being parsed (<c>sol</c>).</summary>
    public int Sol;

    /// <summary>Colon of the header being parsed (<c>col</c>).</summary>
    public int Col;

    /// <summary>
    /// Start of the current header value while parsing (<c>sov</c>); once <see cref="State"/> reaches
    /// <see cref="HttpMsgState.Body"/>, the first body byte; during chunked forwarding, the first byte not yet
    /// scheduled for forwarding.
    /// </summary>
    public int Sov;

    /// <summary>End of the current header line: offset of its CR or LF (<c>eol</c>).</summary>
    public int Eol;

    /// <summary>Offset of the final empty line (its CR or LF) once headers are complete (<c>eoh</c>).</summary>
    public int Eoh;

    /// <summary>
    /// Error position (<c>err_pos</c>): <see cref="ErrPosStrict"/>, <see cref="ErrPosAccept"/>, or the offset of the
    /// first invalid byte (accepted under accept-invalid, or the one that made the message invalid).
    /// </summary>
    public int ErrPos;

    /// <summary>State the parser was in when it met the invalid byte (for the error snapshot).</summary>
    public HttpMsgState ErrState;

    /// <summary>True for a request (states RqBefore…), false for a response (RpBefore…).</summary>
    public bool IsRequest;

    /// <summary>Request line (valid once the state passed <see cref="HttpMsgState.RqLineEnd"/>).</summary>
    public RequestLine Rq;

    /// <summary>Status line (valid once the state passed <see cref="HttpMsgState.RpLineEnd"/>).</summary>
    public StatusLine St;

    /// <summary>Bytes of the current chunk / Content-Length still to forward (<c>hdr_content_len</c>/<c>chunk_len</c>).</summary>
    public long ChunkLength;

    /// <summary>Announced body length (Content-Length) or sum of chunk sizes (<c>body_len</c>).</summary>
    public long BodyLength;

    /// <summary>Number of leading empty-line bytes before <see cref="Som"/> (<c>Som - Start</c>); 1.4 deletes them.</summary>
    public int LeadingBytes => Som - Start;

    /// <summary>True once the header block is complete (state at or past <see cref="HttpMsgState.Body"/>).</summary>
    public bool HeadersComplete => State >= HttpMsgState.Body;

    /// <summary>Prepares for a new request starting at <paramref name="start"/> (1.4's <c>http_init_txn</c> part).</summary>
    /// <param name="start">Offset of the first byte not yet scheduled for output.</param>
    /// <param name="acceptInvalid">The frontend has <c>option accept-invalid-http-request</c>.</param>
    public void ResetRequest(int start, bool acceptInvalid) => Reset(HttpMsgState.RqBefore, start, acceptInvalid, true);

    /// <summary>Prepares for a new response starting at <paramref name="start"/>.</summary>
    /// <param name="start">Offset of the first byte not yet scheduled for output.</param>
    /// <param name="acceptInvalid">The backend has <c>option accept-invalid-http-response</c>.</param>
    public void ResetResponse(int start, bool acceptInvalid) => Reset(HttpMsgState.RpBefore, start, acceptInvalid, false);

    private void Reset(HttpMsgState state, int start, bool acceptInvalid, bool isRequest)
    {
        State = state;
        IsRequest = isRequest;
        Next = Start = Som = Sol = Col = Sov = Eol = Eoh = start;
        ErrPos = acceptInvalid ? ErrPosAccept : ErrPosStrict;
        ErrState = state;
        Rq = default;
        St = default;
        ChunkLength = 0;
        BodyLength = 0;
    }

    /// <summary>
    /// Shifts every offset by <paramref name="delta"/> (negative when bytes before the message were removed from
    /// the front of the data, e.g. after forwarding or deleting leading empty lines).
    /// </summary>
    public void Rebase(int delta)
    {
        Next += delta;
        Start += delta;
        Som += delta;
        Sol += delta;
        Col += delta;
        Sov += delta;
        Eol += delta;
        Eoh += delta;
        if (ErrPos >= 0)
        {
            ErrPos += delta;
        }

        Rq.Uri += delta;
        Rq.Version += delta;
        St.Code += delta;
        St.Reason += delta;
    }

    /// <summary>
    /// Accounts for <paramref name="delta"/> bytes inserted (positive) or removed (negative) inside the header block
    /// (1.4's <c>http_msg_move_end</c>): moves the end of headers, the body start and the parse position.
    /// </summary>
    public void MoveEnd(int delta)
    {
        Eoh += delta;
        Sov += delta;
        Next += delta;
        Col += delta;
        Eol += delta;
    }
}
