using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Http;

/// <summary>
/// What a transaction needs only while a message is in flight: both header indexes and the request line kept for
/// the log (~6 KiB). A keep-alive connection idle between two requests gives it back to its frontend's pool, so an
/// idle client costs its session and channels only (1.4 keeps its hdr_idx for the whole session; HaproxyNet holds
/// less than 1.4.25 per idle keep-alive connection: eng/perf/held-keepalive.py).
/// </summary>
internal sealed class HttpTxnStorage
{
    /// <summary>Request header index.</summary>
    public HdrIdx ReqIdx { get; } = new();

    /// <summary>Response header index.</summary>
    public HdrIdx RspIdx { get; } = new();

    /// <summary>The request line as received (first 1023 bytes), for the log.</summary>
    public byte[] Uri { get; } = new byte[HttpTxn.UriCapacity];

    /// <summary>Empties both indexes (the request line needs nothing: its length lives in the transaction).</summary>
    public void Reset()
    {
        ReqIdx.Init();
        RspIdx.Init();
    }
}
