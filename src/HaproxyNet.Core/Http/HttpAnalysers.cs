using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>Registers the HTTP analysers on an engine and sets a session up for HTTP (1.4's fe/be_req_ana).</summary>
public static class HttpAnalysers
{
    /// <summary>Request analysers an HTTP frontend starts with (AN_REQ_WAIT_HTTP | AN_REQ_HTTP_PROCESS_FE).</summary>
    public const int FrontendRequest = Sessions.Analysers.ReqWaitHttp | Sessions.Analysers.ReqHttpProcessFe;

    /// <summary>Request analysers an HTTP backend adds (AN_REQ_WAIT_HTTP | AN_REQ_HTTP_PROCESS_BE | AN_REQ_HTTP_INNER).</summary>
    public const int BackendRequest = Sessions.Analysers.ReqWaitHttp | Sessions.Analysers.ReqHttpProcessBe | Sessions.Analysers.ReqHttpInner;

    /// <summary>Response analysers of an HTTP backend.</summary>
    public const int BackendResponse = Sessions.Analysers.ResWaitHttp | Sessions.Analysers.ResHttpProcessBe;

    /// <summary>Puts the HTTP analysers in the engine's tables.</summary>
    public static void Register(EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(loop);
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqWaitHttp)] = HttpWaitForRequest.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpProcessFe)] = HttpProcessReqCommon.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpProcessBe)] = HttpProcessReqCommon.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpInner)] = HttpProcessRequest.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpTarpit)] = Rules.HttpTarpit.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpBody)] = HttpProcessRequestBody.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqPrstRdpCookie)] = Sessions.TcpPersistRdpCookie.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqStickingRules)] = Stick.StickingRules.Instance;
        loop.RequestAnalysers[BitIndex(Sessions.Analysers.ReqHttpXferBody)] = HttpRequestForwardBody.Instance;
        loop.ResponseAnalysers[BitIndex(Sessions.Analysers.ResWaitHttp)] = HttpWaitForResponse.Instance;
        loop.ResponseAnalysers[BitIndex(Sessions.Analysers.ResHttpProcessBe)] = HttpProcessResCommon.Instance;
        loop.ResponseAnalysers[BitIndex(Sessions.Analysers.ResHttpXferBody)] = HttpResponseForwardBody.Instance;
        loop.MonitorResponder ??= HttpMonitorResponder.Instance;
    }

    /// <summary>Accept in an HTTP frontend: a transaction and the frontend's analysers.</summary>
    public static void InitSession(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var txn = s.Txn ??= Rent(s.Fe);
        txn.Flags = HttpTxnFlags.None;
        txn.Init(s.Fe, s.Req, s.Rep);
        s.Req.Analysers |= FrontendRequest;
        s.Req.ReadLimit = s.Req.Size - s.Loop.Global.MaxRewrite;
        s.Rep.ReadLimit = s.Rep.Size - s.Loop.Global.MaxRewrite;
    }

    /// <summary>session_set_backend, HTTP part: the backend's request analysers (an HTTP backend behind a TCP frontend parses too).</summary>
    public static void SetBackend(Session s, Proxy be)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(be);
        if (be.Mode != ProxyMode.Http)
        {
            return;
        }

        if (s.Txn is null)
        {
            s.Txn = Rent(s.Fe);
            s.Txn.Flags = HttpTxnFlags.None;
            s.Txn.Init(s.Fe, s.Req, s.Rep);
            s.Req.ReadLimit = s.Req.Size - s.Loop.Global.MaxRewrite;
            s.Rep.ReadLimit = s.Rep.Size - s.Loop.Global.MaxRewrite;
        }

        // be_req_ana minus what the listener already set (those ran or are running).
        var add = BackendRequest & ~FrontendRequest;
        if (s.Fe.Mode != ProxyMode.Http)
        {
            add = BackendRequest;
        }

        s.Req.Analysers |= add;
        if (be == s.Fe)
        {
            s.Req.Analysers &= ~Sessions.Analysers.ReqHttpProcessBe;
        }
    }

    /// <summary>sess_establish, HTTP part: the response analysers, reading capped for rewrites.</summary>
    public static void Establish(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Txn is null || s.Be.Mode != ProxyMode.Http)
        {
            return;
        }

        var txn = s.Txn;
        txn.ResetResponse(s.Rep, s.Be.HasHttp(HttpProxyOptions.AcceptInvalidResponse));
        s.Rep.Analysers |= BackendResponse;
        s.Rep.ReadLimit = s.Rep.Size - s.Loop.Global.MaxRewrite;
        s.Rep.Flags &= ~ChannelFlags.AutoClose;
    }

    /// <summary>Gives the session's transaction back to its frontend's pool (session_free).</summary>
    public static void Release(Session s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Txn is { } txn)
        {
            s.Txn = null;
            txn.ReleaseStorage();
            s.Fe.TxnPool.Push(txn);
        }
    }

    private static HttpTxn Rent(Proxy fe) => fe.TxnPool.TryPop(out var txn) ? txn : new HttpTxn(fe);

    private static int BitIndex(int bit) => System.Numerics.BitOperations.TrailingZeroCount(bit);
}
