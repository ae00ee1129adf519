namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// State of an HTTP message being parsed or forwarded (1.4's <c>HTTP_MSG_*</c> constants, same numbers). Every
/// state below <see cref="Body"/> means "headers not complete yet"; <see cref="Error"/> sits just below
/// <see cref="Body"/> so that <c>state &gt;= Body</c> always means "headers parsed, body phase".
/// </summary>
public enum HttpMsgState : byte
{
    /// <summary>Request: before the start line, empty lines (LF) are skipped (HTTP_MSG_RQBEFORE).</summary>
    RqBefore = 0,

    /// <summary>Request: CR of a leading empty line seen, LF expected (HTTP_MSG_RQBEFORE_CR).</summary>
    RqBeforeCr = 1,

    /// <summary>Parsing the method (HTTP_MSG_RQMETH).</summary>
    RqMeth = 2,

    /// <summary>Spaces after the method (HTTP_MSG_RQMETH_SP).</summary>
    RqMethSp = 3,

    /// <summary>Parsing the request URI (HTTP_MSG_RQURI).</summary>
    RqUri = 4,

    /// <summary>Spaces after the URI (HTTP_MSG_RQURI_SP).</summary>
    RqUriSp = 5,

    /// <summary>Parsing the request version (HTTP_MSG_RQVER).</summary>
    RqVer = 6,

    /// <summary>End of the request line, LF expected (HTTP_MSG_RQLINE_END).</summary>
    RqLineEnd = 7,

    /// <summary>Response: before the status line (HTTP_MSG_RPBEFORE).</summary>
    RpBefore = 8,

    /// <summary>Response: CR of a leading empty line seen (HTTP_MSG_RPBEFORE_CR).</summary>
    RpBeforeCr = 9,

    /// <summary>Parsing the response version (HTTP_MSG_RPVER).</summary>
    RpVer = 10,

    /// <summary>Spaces after the response version (HTTP_MSG_RPVER_SP).</summary>
    RpVerSp = 11,

    /// <summary>Parsing the status code (HTTP_MSG_RPCODE).</summary>
    RpCode = 12,

    /// <summary>Spaces after the status code (HTTP_MSG_RPCODE_SP).</summary>
    RpCodeSp = 13,

    /// <summary>Parsing the reason phrase (HTTP_MSG_RPREASON).</summary>
    RpReason = 14,

    /// <summary>End of the status line, LF expected (HTTP_MSG_RPLINE_END).</summary>
    RpLineEnd = 15,

    /// <summary>Start of a header line or of the final empty line; no LWS allowed here (HTTP_MSG_HDR_FIRST).</summary>
    HdrFirst = 16,

    /// <summary>Parsing a header name (HTTP_MSG_HDR_NAME).</summary>
    HdrName = 17,

    /// <summary>Unused by the parser, kept for numbering (HTTP_MSG_HDR_COL).</summary>
    HdrCol = 18,

    /// <summary>SP/HT before the value (HTTP_MSG_HDR_L1_SP).</summary>
    HdrL1Sp = 19,

    /// <summary>LF expected before any value (HTTP_MSG_HDR_L1_LF).</summary>
    HdrL1Lf = 20,

    /// <summary>Empty value ended: folding or next header? (HTTP_MSG_HDR_L1_LWS).</summary>
    HdrL1Lws = 21,

    /// <summary>Parsing a header value (HTTP_MSG_HDR_VAL).</summary>
    HdrVal = 22,

    /// <summary>LF expected after a value (HTTP_MSG_HDR_L2_LF).</summary>
    HdrL2Lf = 23,

    /// <summary>Value ended: folding or next header? (HTTP_MSG_HDR_L2_LWS).</summary>
    HdrL2Lws = 24,

    /// <summary>LF of the final empty line expected (HTTP_MSG_LAST_LF).</summary>
    LastLf = 25,

    /// <summary>Invalid message (HTTP_MSG_ERROR).</summary>
    Error = 26,

    /// <summary>Headers complete, body (if any) starts at <see cref="HttpMsg.Sov"/> (HTTP_MSG_BODY).</summary>
    Body = 27,

    /// <summary>Body after a 100-Continue was sent (HTTP_MSG_100_SENT).</summary>
    Sent100 = 28,

    /// <summary>Parsing a chunk size line (HTTP_MSG_CHUNK_SIZE).</summary>
    ChunkSize = 29,

    /// <summary>Forwarding chunk or Content-Length data (HTTP_MSG_DATA).</summary>
    Data = 30,

    /// <summary>CRLF after chunk data (HTTP_MSG_DATA_CRLF).</summary>
    DataCrlf = 31,

    /// <summary>Trailers after the last chunk (HTTP_MSG_TRAILERS).</summary>
    Trailers = 32,

    /// <summary>Message complete, waiting for the other side (HTTP_MSG_DONE).</summary>
    Done = 33,

    /// <summary>Shutdown for write done, bytes remain (HTTP_MSG_CLOSING).</summary>
    Closing = 34,

    /// <summary>Shutdown for write done, all sent (HTTP_MSG_CLOSED).</summary>
    Closed = 35,

    /// <summary>Tunnelled data after Done (HTTP_MSG_TUNNEL).</summary>
    Tunnel = 36,
}
