namespace HaproxyNet.Core.Http;

/// <summary>Transaction flags (1.4's TX_*), the subset this engine uses.</summary>
[Flags]
public enum HttpTxnFlags
{
    None = 0,

    /// <summary>TX_REQ_VER_11: the request is HTTP/1.1 or above.</summary>
    ReqVer11 = 1 << 0,

    /// <summary>TX_RES_VER_11: the response is HTTP/1.1 or above.</summary>
    ResVer11 = 1 << 1,

    /// <summary>TX_REQ_XFER_LEN: the request body length is known (Content-Length, chunked or none).</summary>
    ReqXferLen = 1 << 2,

    /// <summary>TX_REQ_TE_CHNK: the request body is chunked.</summary>
    ReqTeChunked = 1 << 3,

    /// <summary>TX_RES_XFER_LEN: the response body length is known.</summary>
    ResXferLen = 1 << 4,

    /// <summary>TX_RES_TE_CHNK: the response body is chunked.</summary>
    ResTeChunked = 1 << 5,

    /// <summary>TX_HDR_CONN_PRS: the request Connection header was parsed.</summary>
    HdrConnParsed = 1 << 6,

    /// <summary>TX_HDR_CONN_CLO: a "close" token was seen.</summary>
    HdrConnClose = 1 << 7,

    /// <summary>TX_HDR_CONN_KAL: a "keep-alive" token was seen.</summary>
    HdrConnKeepAlive = 1 << 8,

    /// <summary>TX_HDR_CONN_UPG: an "upgrade" token was seen.</summary>
    HdrConnUpgrade = 1 << 9,

    /// <summary>TX_CON_CLO_SET: a "Connection: close" header is present/added.</summary>
    ConCloseSet = 1 << 10,

    /// <summary>TX_CON_KAL_SET: a "Connection: keep-alive" header is present/added.</summary>
    ConKeepAliveSet = 1 << 11,

    /// <summary>TX_WAIT_NEXT_RQ: waiting for the next request of a keep-alive connection.</summary>
    WaitNextRq = 1 << 12,

    /// <summary>TX_NOT_FIRST: this is not the connection's first transaction.</summary>
    NotFirst = 1 << 13,

    /// <summary>TX_USE_PX_CONN: Proxy-Connection is used instead of Connection.</summary>
    UseProxyConn = 1 << 14,

    /// <summary>The response Connection header was parsed.</summary>
    ResConnParsed = 1 << 15,

    /// <summary>The response carried a "close" token.</summary>
    ResConnClose = 1 << 16,

    /// <summary>The response carried a "keep-alive" token.</summary>
    ResConnKeepAlive = 1 << 17,

    // Rule verdicts (issue 8, rules layer): high bits, so that other additions do not collide.

    /// <summary>TX_CLALLOW: a reqallow matched; later allow/deny/tarpit/pass filters are skipped.</summary>
    ClientAllow = 1 << 24,

    /// <summary>TX_CLDENY: a reqdeny matched (403).</summary>
    ClientDeny = 1 << 25,

    /// <summary>TX_CLTARPIT: a reqtarpit matched.</summary>
    ClientTarpit = 1 << 26,

    /// <summary>TX_SVALLOW: an rspallow matched.</summary>
    ServerAllow = 1 << 27,

    /// <summary>TX_SVDENY: an rspdeny matched (502).</summary>
    ServerDeny = 1 << 28,

    /// <summary>TX_CACHEABLE: the response may be cached (checkcache).</summary>
    Cacheable = 1 << 29,

    /// <summary>TX_CACHE_COOK: a cookie in the response may be cached (checkcache).</summary>
    CacheCookie = 1 << 30,
}

/// <summary>The connection mode (1.4's TX_CON_WANT_*), ordered: tunnel &lt; keep-alive &lt; server-close &lt; close.</summary>
public enum HttpConnMode
{
    /// <summary>TX_CON_WANT_TUN.</summary>
    Tunnel = 0,

    /// <summary>TX_CON_WANT_KAL.</summary>
    KeepAlive = 1,

    /// <summary>TX_CON_WANT_SCL.</summary>
    ServerClose = 2,

    /// <summary>TX_CON_WANT_CLO.</summary>
    Close = 3,
}
