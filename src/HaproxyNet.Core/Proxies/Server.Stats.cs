using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Proxies;

/// <summary>The statistics counters of a server (1.4's <c>struct srvcounters</c>), read by the stats only.</summary>
public sealed partial class Server
{
    /// <summary>The configured weight (iweight), kept when <c>set weight</c> changes <see cref="UWeight"/>.</summary>
    public int IWeight { get; set; } = 1;

    /// <summary>Bytes sent to this server (counters.bytes_in).</summary>
    public long BytesIn;

    /// <summary>Bytes received from this server (counters.bytes_out).</summary>
    public long BytesOut;

    /// <summary>Responses from this server by status class 1xx..5xx, other (counters.p.http.rsp[]).</summary>
    public long[] HttpRsp { get; } = new long[6];

    /// <summary>Transfers aborted by the client while on this server (counters.cli_aborts).</summary>
    public long CliAborts;

    /// <summary>Transfers aborted by this server (counters.srv_aborts).</summary>
    public long SrvAborts;

    /// <summary>Invalid or missing responses of this server (counters.failed_resp).</summary>
    public long FailedResp;

    /// <summary>Responses of this server denied by a rule (counters.denied_resp).</summary>
    public long DeniedResp;

    /// <summary>Highest <see cref="NbPend"/> seen (counters.nbpend_max).</summary>
    public int NbPendMax;

    /// <summary>New sessions per second on this server (sess_per_sec).</summary>
    public FreqCounter SessPerSec { get; } = new();

    /// <summary>Highest <see cref="SessPerSec"/> seen (counters.sps_max).</summary>
    public uint SpsMax;

    /// <summary>srv_inc_sess_ctr: one more session on this server (cumulated count, rate and its max).</summary>
    internal void IncSessCounter(long nowUs)
    {
        CumSess++;
        SessPerSec.Update(1, nowUs);
        if (SessPerSec.CurrCtr > SpsMax)
        {
            SpsMax = SessPerSec.CurrCtr;
        }
    }
}
