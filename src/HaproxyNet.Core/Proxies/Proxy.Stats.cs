namespace HaproxyNet.Core.Proxies;

/// <summary>The statistics counters of a proxy that only the stats (CSV, page, socket) read (1.4's <c>struct pxcounters</c>).</summary>
/// <remarks>Plain fields moved on the loop thread; <c>clear counters</c> resets the maxima, <c>clear counters all</c> everything.</remarks>
public sealed partial class Proxy
{
    /// <summary>Bytes received from clients (and servers' requests) through this proxy (counters.bytes_in).</summary>
    public long BytesIn;

    /// <summary>Bytes sent to clients through this proxy (counters.bytes_out).</summary>
    public long BytesOut;

    /// <summary>Responses through this backend by status class 1xx..5xx, other (be counters; <see cref="HttpRsp"/> is the frontend's).</summary>
    public long[] BeHttpRsp { get; } = new long[6];

    /// <summary>Highest <see cref="FeConn"/> seen (counters.feconn_max).</summary>
    public int FeConnMax;

    /// <summary>Highest <see cref="BeConn"/> seen (counters.beconn_max).</summary>
    public int BeConnMax;

    /// <summary>Highest backend sessions per second seen (counters.be_sps_max).</summary>
    public uint BeSpsMax;

    /// <summary>Highest <see cref="NbPend"/> seen (counters.nbpend_max).</summary>
    public int NbPendMax;

    /// <summary>HTTP requests per second on this frontend (fe_req_per_sec).</summary>
    public Time.FreqCounter FeReqPerSec { get; } = new();

    /// <summary>Highest HTTP requests per second seen (counters.fe_rps_max).</summary>
    public uint FeRpsMax;

    /// <summary><c>option socket-stats</c>: one CSV/page row per listener.</summary>
    public bool SocketStats { get; set; }

    /// <summary>The stats page of this proxy (<c>stats enable</c> and friends), null when it has none.</summary>
    public Stats.StatsPageSettings? StatsPage { get; set; }

    /// <summary>The last invalid request this frontend received (<c>show errors</c>).</summary>
    public Stats.ErrorSnapshot InvalidReq { get; } = new();

    /// <summary>The last invalid response this backend received (<c>show errors</c>).</summary>
    public Stats.ErrorSnapshot InvalidRep { get; } = new();

    /// <summary>proxy_inc_be_ctr's maximum: called after <see cref="BeSessPerSec"/> was updated.</summary>
    internal void UpdateBeMaxima()
    {
        if (BeConn > BeConnMax)
        {
            BeConnMax = BeConn;
        }

        if (BeSessPerSec.CurrCtr > BeSpsMax)
        {
            BeSpsMax = BeSessPerSec.CurrCtr;
        }
    }
}
