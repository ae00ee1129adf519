using System.Text;

namespace HaproxyNet.Core.Http.Errors;

/// <summary>
/// One proxy's error messages (1.4's <c>proxy-&gt;errmsg[]</c>): the built-in pages, replaced per code by
/// <c>errorfile</c> (file bytes sent verbatim, read at configuration time) or <c>errorloc</c>/<c>errorloc302</c>/
/// <c>errorloc303</c> (a 302/303 relocation built once here). Built once per proxy at startup; lookups allocate
/// nothing. The backend-then-frontend choice of <c>error_message</c> is the engine's: ask the backend's set with
/// <see cref="TryGetOverride"/>, then the frontend's <see cref="Get"/>.
/// </summary>
public sealed class HttpErrorMessages
{
    private readonly ReadOnlyMemory<byte>?[] _overrides = new ReadOnlyMemory<byte>?[HttpErrorPages.Codes.Length];

    /// <summary>A set with no override: every code answers its built-in page.</summary>
    public static HttpErrorMessages BuiltIn { get; } = new() { _readOnly = true };

    private bool _readOnly;

    /// <summary>Any code overridden.</summary>
    public bool HasOverrides { get; private set; }

    /// <summary>Replaces code <paramref name="code"/>'s message with <paramref name="message"/> (errorfile bytes).</summary>
    /// <returns>False (nothing done) when the code cannot be customised.</returns>
    public bool SetMessage(int code, ReadOnlyMemory<byte> message)
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("The built-in set cannot be changed.");
        }

        var i = HttpErrorPages.IndexOf(code);
        if (i < 0)
        {
            return false;
        }

        _overrides[i] = message;
        HasOverrides = true;
        return true;
    }

    /// <summary>Replaces code <paramref name="code"/>'s message with a relocation to <paramref name="url"/>.</summary>
    /// <param name="code">The error code relocated.</param>
    /// <param name="url">The Location value, written as configured.</param>
    /// <param name="status">302 (<c>errorloc</c>, <c>errorloc302</c>) or 303 (<c>errorloc303</c>).</param>
    public bool SetLocation(int code, string url, int status = 302)
        => SetMessage(code, BuildLocation(url, status));

    /// <summary>
    /// The relocation message 1.4 builds for errorloc (<c>HTTP_302</c>/<c>HTTP_303</c> + url + CRLF CRLF); no
    /// Connection header.
    /// </summary>
    public static byte[] BuildLocation(string url, int status)
    {
        var head = status == 303
            ? "HTTP/1.1 303 See Other\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: "
            : "HTTP/1.1 302 Found\r\nCache-Control: no-cache\r\nContent-length: 0\r\nLocation: ";
        return Encoding.Latin1.GetBytes(head + url + "\r\n\r\n");
    }

    /// <summary>The proxy's own message for <paramref name="code"/>, if configured.</summary>
    public bool TryGetOverride(int code, out ReadOnlyMemory<byte> message)
    {
        var i = HttpErrorPages.IndexOf(code);
        if (i >= 0 && _overrides[i] is { } m)
        {
            message = m;
            return true;
        }

        message = default;
        return false;
    }

    /// <summary>The message for <paramref name="code"/>: the override if any, else the built-in page.</summary>
    public ReadOnlyMemory<byte> Get(int code)
        => TryGetOverride(code, out var m) ? m : HttpErrorPages.Get(code);

    /// <summary>
    /// 1.4's <c>error_message</c> lookup order: the backend's message if set, else the frontend's, else built-in.
    /// </summary>
    public static ReadOnlyMemory<byte> Select(HttpErrorMessages? backend, HttpErrorMessages? frontend, int code)
    {
        if (backend is not null && backend.TryGetOverride(code, out var m))
        {
            return m;
        }

        return frontend is not null ? frontend.Get(code) : HttpErrorPages.Get(code);
    }

    /// <summary>
    /// Builds the set of a configured proxy (<c>errorfile</c>, <c>errorloc</c>, <c>errorloc302</c>,
    /// <c>errorloc303</c>; defaults already copied into frontend-capable proxies by the config parser).
    /// </summary>
    public static HttpErrorMessages FromConfig(HaproxyNet.Config.Model.ProxySection proxy)
        => FromConfig(proxy.ErrorFiles, proxy.ErrorLocations, proxy.ErrorLocationStatus);

    /// <summary>
    /// Builds a set from the configuration model's dictionaries (<c>ProxySection.ErrorFiles</c> and
    /// <c>ErrorLocations</c>). Relocations are 302 unless <paramref name="locationStatus"/> says otherwise.
    /// </summary>
    public static HttpErrorMessages FromConfig(
        IReadOnlyDictionary<int, byte[]> errorFiles,
        IReadOnlyDictionary<int, string> errorLocations,
        IReadOnlyDictionary<int, int>? locationStatus = null)
    {
        if (errorFiles.Count == 0 && errorLocations.Count == 0)
        {
            return BuiltIn;
        }

        var set = new HttpErrorMessages();
        foreach (var (code, url) in errorLocations)
        {
            var status = locationStatus is not null && locationStatus.TryGetValue(code, out var s) ? s : 302;
            set.SetLocation(code, url, status);
        }

        foreach (var (code, bytes) in errorFiles)
        {
            set.SetMessage(code, bytes);
        }

        return set;
    }
}
