namespace HaproxyNet.Core.Proxies;

/// <summary>Per-listener counters, kept for <c>option socket-stats</c> rows (1.4's <c>struct licounters</c>).</summary>
public sealed partial class Listener
{
    /// <summary>Highest <see cref="NbConn"/> seen (conn_max).</summary>
    public int NbConnMax;

    /// <summary>Sessions accepted here (cum_conn).</summary>
    public long CumConn;

    /// <summary>Bytes received on sessions of this listener.</summary>
    public long BytesIn;

    /// <summary>Bytes sent on sessions of this listener.</summary>
    public long BytesOut;

    /// <summary>Requests denied on sessions of this listener.</summary>
    public long DeniedReq;

    /// <summary>Responses denied on sessions of this listener.</summary>
    public long DeniedResp;

    /// <summary>Invalid requests on sessions of this listener.</summary>
    public long FailedReq;
}
