using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Http;

/// <summary>
/// The HTTP transaction of a session (1.4's <c>struct http_txn</c>): both messages, their header indexes, status,
/// method, connection mode, the request line kept for the log and the captured headers.
/// </summary>
/// <remarks>
/// One per HTTP session, created at accept (or when an HTTP backend is set), reset by <see cref="Init"/> for each
/// keep-alive transaction: nothing is allocated per request. Message offsets are relative to the channel's head;
/// <see cref="Rebase"/> moves them when the stream interface sent bytes in between.
/// </remarks>
public sealed partial class HttpTxn
{
    /// <summary>REQURI_LEN: bytes of the request line kept for the log (plus a terminator in 1.4).</summary>
    public const int UriCapacity = 1024;

    private long _reqOut;
    private long _rspOut;

    private readonly Stack<HttpTxnStorage> _storagePool;
    private HttpTxnStorage? _storage;

    /// <summary>Creates the transaction with capture slots for <paramref name="fe"/>.</summary>
    public HttpTxn(Proxy fe)
    {
        ArgumentNullException.ThrowIfNull(fe);
        _storagePool = fe.TxnStoragePool;
        ReqCap = NewCaptures(fe.RequestCaptures, out var reqLen);
        ReqCapLen = reqLen;
        RspCap = NewCaptures(fe.ResponseCaptures, out var rspLen);
        RspCapLen = rspLen;
    }

    /// <summary>The request message.</summary>
    public HttpMsg Req { get; } = new();

    /// <summary>The response message.</summary>
    public HttpMsg Rsp { get; } = new();

    /// <summary>Request header index.</summary>
    public HdrIdx ReqIdx => Storage.ReqIdx;

    /// <summary>Response header index.</summary>
    public HdrIdx RspIdx => Storage.RspIdx;

    /// <summary>Whether the in-flight storage (header indexes, request line) is attached; see <see cref="ReleaseStorage"/>.</summary>
    public bool HasStorage => _storage is not null;

    /// <summary>The status to log: the server's, or the one of the page HAProxy made, -1 if none.</summary>
    public int Status { get; set; } = -1;

    public HttpMeth Meth { get; set; }

    public HttpTxnFlags Flags { get; set; }

    public HttpConnMode Mode { get; set; }

    /// <summary>The request line as received (first 1023 bytes), for the log.</summary>
    public byte[] Uri => Storage.Uri;

    /// <summary>Bytes in <see cref="Uri"/>; -1 until the request line is complete (logged as &lt;BADREQ&gt;).</summary>
    public int UriLength { get; set; } = -1;

    /// <summary>Captured request header values, one slot per capture.</summary>
    public byte[][] ReqCap { get; }

    /// <summary>Bytes captured per request slot, -1 = header absent.</summary>
    public int[] ReqCapLen { get; }

    /// <summary>Captured response header values.</summary>
    public byte[][] RspCap { get; }

    /// <summary>Bytes captured per response slot, -1 = header absent.</summary>
    public int[] RspCapLen { get; }

    /// <summary>Bytes of the request already in the buffer when the previous transaction ended (keep-alive).</summary>
    public long ReqBodyLength { get; set; }

    /// <summary>Response Content-Length (or 0).</summary>
    public long RspBodyLength { get; set; }

    public bool Has(HttpTxnFlags f) => (Flags & f) != 0;

    /// <summary>http_init_txn: a fresh transaction whose request starts at the first unsent byte of <paramref name="req"/>.</summary>
    public void Init(Proxy fe, Channel req, Channel rep)
    {
        ArgumentNullException.ThrowIfNull(fe);
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(rep);
        Status = -1;
        Meth = HttpMeth.None;
        Flags &= HttpTxnFlags.NotFirst | HttpTxnFlags.WaitNextRq;
        Mode = HttpConnMode.Tunnel;
        UriLength = -1;
        ReqBodyLength = 0;
        RspBodyLength = 0;
        Req.ResetRequest(req.SendMax, fe.HasHttp(HttpProxyOptions.AcceptInvalidRequest));
        Rsp.ResetResponse(0, false);
        _storage?.Reset();
        _reqOut = req.Out;
        _rspOut = rep.Out;
        Array.Fill(ReqCapLen, -1);
        Array.Fill(RspCapLen, -1);
        ResetPersistence();
    }

    /// <summary>Resets the response message to start at the first unsent byte of <paramref name="rep"/>.</summary>
    public void ResetResponse(Channel rep, bool acceptInvalid)
    {
        ArgumentNullException.ThrowIfNull(rep);
        Rebase(rep, isRequest: false);
        Rsp.ResetResponse(rep.SendMax, acceptInvalid);
        RspIdx.Init();
    }

    /// <summary>Moves a message's offsets back by what <paramref name="b"/> sent since they were computed.</summary>
    public void Rebase(Channel b, bool isRequest)
    {
        ArgumentNullException.ThrowIfNull(b);
        ref var last = ref isRequest ? ref _reqOut : ref _rspOut;
        if (last != b.Out)
        {
            (isRequest ? Req : Rsp).Rebase((int)(last - b.Out));
            last = b.Out;
        }
    }

    /// <summary>
    /// Gives the header indexes and the request line back to the frontend's pool: called while a keep-alive connection
    /// waits for its next request with nothing received, and when the session ends. They are taken again (empty) on the
    /// next access, so no caller can see them missing; only their contents are gone, which nothing reads between two
    /// transactions (<see cref="UriLength"/> is -1, the indexes are empty after <see cref="Init"/>).
    /// </summary>
    public void ReleaseStorage()
    {
        if (_storage is { } storage)
        {
            storage.Reset();
            _storage = null;
            _storagePool.Push(storage);
        }
    }

    private HttpTxnStorage Storage => _storage ??= _storagePool.TryPop(out var pooled) ? pooled : new HttpTxnStorage();

    private static byte[][] NewCaptures(List<HeaderCapture> caps, out int[] lengths)
    {
        var slots = new byte[caps.Count][];
        lengths = new int[caps.Count];
        for (var i = 0; i < caps.Count; i++)
        {
            slots[i] = new byte[caps[i].Length];
            lengths[i] = -1;
        }

        return slots;
    }
}
