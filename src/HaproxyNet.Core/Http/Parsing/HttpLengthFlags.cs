namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Body framing found in the headers (1.4's <c>TX_REQ_CNT_LEN</c>/<c>TX_REQ_TE_CHNK</c>/<c>TX_REQ_XFER_LEN</c> and
/// their <c>TX_RES_*</c> twins).
/// </summary>
[Flags]
public enum HttpLengthFlags : byte
{
    /// <summary>Nothing known: the length is unknown (body ends at close).</summary>
    None = 0,

    /// <summary>A valid Content-Length was seen; <see cref="HttpMsg.BodyLength"/> holds it (CNT_LEN).</summary>
    ContentLength = 1,

    /// <summary>Transfer-Encoding ends with <c>chunked</c> (TE_CHNK).</summary>
    Chunked = 2,

    /// <summary>The transfer length is known: Content-Length, chunked, or no body at all (XFER_LEN).</summary>
    XferLen = 4,
}
