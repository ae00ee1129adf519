using HaproxyNet.Core.Http.Persistence;

namespace HaproxyNet.Core.Http;

/// <summary>The transaction's persistence state: cookie flags and dates, captured cookies, cacheability, appsession id.</summary>
public sealed partial class HttpTxn
{
    /// <summary>Capture slot size (1.4's pool2_capture: 64 bytes, 63 kept).</summary>
    public const int CookieCaptureCapacity = 64;

    /// <summary>The captured request cookie (<c>capture cookie</c>): <c>name=value</c>, truncated.</summary>
    public byte[] CliCookie { get; } = new byte[CookieCaptureCapacity];

    /// <summary>Bytes in <see cref="CliCookie"/>, -1 = none captured (logged as <c>-</c>).</summary>
    public int CliCookieLength { get; set; } = -1;

    /// <summary>The captured response cookie.</summary>
    public byte[] SrvCookie { get; } = new byte[CookieCaptureCapacity];

    /// <summary>Bytes in <see cref="SrvCookie"/>, -1 = none.</summary>
    public int SrvCookieLength { get; set; } = -1;

    /// <summary>TX_CK_*: what the request's persistence cookie said.</summary>
    public RequestCookieState CookieState { get; set; }

    /// <summary>TX_SCK_*: what happened to it in the response.</summary>
    public ResponseCookieState SetCookieState { get; set; }

    /// <summary>First date of the request cookie (unix seconds, 0 = none).</summary>
    public int CookieFirstDate { get; set; }

    /// <summary>Last-seen date of the request cookie (unix seconds, 0 = none).</summary>
    public int CookieLastDate { get; set; }

    /// <summary>TX_CACHEABLE: the response may be cached.</summary>
    public bool Cacheable { get; set; }

    /// <summary>TX_CACHE_COOK: the response may be cached with its cookies.</summary>
    public bool CacheCookie { get; set; }

    /// <summary>TX_SCK_PRESENT: the response carries a Set-Cookie or Set-Cookie2.</summary>
    public bool SetCookiePresent { get; set; }

    /// <summary>The appsession id found in the request or learnt from the response (<see cref="SessIdLength"/> bytes).</summary>
    public byte[] SessId { get; private set; } = [];

    /// <summary>Bytes in <see cref="SessId"/>, -1 = none.</summary>
    public int SessIdLength { get; set; } = -1;

    /// <summary>Stores <paramref name="id"/> as the transaction's appsession id (the buffer grows once per session).</summary>
    public void SetSessId(ReadOnlySpan<byte> id)
    {
        if (SessId.Length < id.Length)
        {
            SessId = new byte[Math.Max(id.Length, 64)];
        }

        id.CopyTo(SessId);
        SessIdLength = id.Length;
    }

    private void ResetPersistence()
    {
        CliCookieLength = -1;
        SrvCookieLength = -1;
        CookieState = RequestCookieState.None;
        SetCookieState = ResponseCookieState.None;
        CookieFirstDate = 0;
        CookieLastDate = 0;
        Cacheable = false;
        CacheCookie = false;
        SetCookiePresent = false;
        SessIdLength = -1;
    }
}
