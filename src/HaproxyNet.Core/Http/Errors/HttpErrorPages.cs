using System.Text;

namespace HaproxyNet.Core.Http.Errors;

/// <summary>
/// The built-in responses 1.4.25 makes itself (<c>http_err_msgs</c> of proto_http.c, HTTP-ERRORS.md §1): status
/// line, three fixed headers, blank line, an HTML body with LF-only line ends, no Content-Length.
/// </summary>
public static class HttpErrorPages
{
    /// <summary>The codes that have a built-in page and can be overridden (1.4's <c>http_err_codes</c>).</summary>
    public static ReadOnlySpan<int> Codes => [200, 400, 403, 408, 500, 502, 503, 504];

    private static readonly byte[][] Pages =
    [
        Page(200, "OK", "HAProxy: service ready."),
        Page(400, "Bad request", "Your browser sent an invalid request."),
        Page(403, "Forbidden", "Request forbidden by administrative rules."),
        Page(408, "Request Time-out", "Your browser didn't send a complete request in time."),
        Page(500, "Server Error", "An internal server error occured."),
        Page(502, "Bad Gateway", "The server returned an invalid or incomplete response."),
        Page(503, "Service Unavailable", "No server is available to handle this request."),
        Page(504, "Gateway Time-out", "The server didn't respond in time."),
    ];

    /// <summary>Index of <paramref name="code"/> in <see cref="Codes"/> (1.4's <c>HTTP_ERR_*</c>), or -1.</summary>
    public static int IndexOf(int code) => Codes.IndexOf(code);

    /// <summary>The built-in page for <paramref name="code"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not one of <see cref="Codes"/>.</exception>
    public static ReadOnlyMemory<byte> Get(int code)
    {
        var i = IndexOf(code);
        ArgumentOutOfRangeException.ThrowIfNegative(i, nameof(code));
        return Pages[i];
    }

    private static byte[] Page(int code, string reason, string sentence)
        => Encoding.ASCII.GetBytes(
            $"HTTP/1.0 {code} {reason}\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n"
            + $"<html><body><h1>{code} {reason}</h1>\n{sentence}\n</body></html>\n");
}
