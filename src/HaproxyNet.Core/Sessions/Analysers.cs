namespace HaproxyNet.Core.Sessions;

/// <summary>Analyser bits, run in bit order (1.4's AN_REQ_* / AN_RES_*, include/types/buffer.h).</summary>
public static class Analysers
{
    public const int ReqInspect = 0x0001;
    public const int ReqWaitHttp = 0x0002;
    public const int ReqHttpProcessFe = 0x0004;
    public const int ReqSwitchingRules = 0x0008;
    public const int ReqHttpProcessBe = 0x0010;
    public const int ReqHttpInner = 0x0020;
    public const int ReqHttpTarpit = 0x0040;
    public const int ReqHttpBody = 0x0080;
    public const int ReqPrstRdpCookie = 0x0100;
    public const int ReqStickingRules = 0x0200;
    public const int ReqHttpXferBody = 0x0400;

    /// <summary>Highest request analyser bit index + 1.</summary>
    public const int RequestBitCount = 11;

    /// <summary>AN_RES_WAIT_HTTP: http_wait_for_response.</summary>
    public const int ResWaitHttp = 0x0001;

    /// <summary>AN_RES_STORE_RULES (stick store, issue 8).</summary>
    public const int ResStoreRules = 0x0002;

    /// <summary>AN_RES_HTTP_PROCESS_BE: http_process_res_common (backend, then frontend).</summary>
    public const int ResHttpProcessBe = 0x0004;

    /// <summary>AN_RES_HTTP_XFER_BODY: http_response_forward_body.</summary>
    public const int ResHttpXferBody = 0x0008;

    /// <summary>Highest response analyser bit index + 1.</summary>
    public const int ResponseBitCount = 4;
}
