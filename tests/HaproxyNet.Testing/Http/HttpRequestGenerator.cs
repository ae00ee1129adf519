using System.Globalization;
using System.Text;

namespace HaproxyNet.Testing.Http;

/// <summary>
/// Seeded generator of HTTP/1.x client payloads, valid and malformed, for the HTTP parser's property test and the
/// differential test against 1.4.25. The same (seed, index) always gives the same bytes: <see cref="Next"/> n times from
/// a fresh generator equals <see cref="At"/>(seed, n-1).
/// </summary>
/// <remarks>
/// Shapes (each a weighted choice, named in <see cref="GeneratedRequest.Label"/>): methods (common, custom token,
/// lower case, forbidden characters, empty), URIs (path, query, <c>*</c>, absolute, 8-bit, CTL/DEL/NUL, long up to
/// 2000 bytes, <c>/r/...</c> paths that pick a response shape from <see cref="DifferentialPaths"/>), versions (1.1, 1.0,
/// HTTP/0.9 with no version, 2.0, invalid), separators (SP, HT, two SP), line ends (CRLF, bare LF, a CR without LF),
/// leading empty lines, headers (Host, User-Agent, Connection tokens, Expect, random X- headers, folding, a space in a
/// name, no colon, CTL in a value, repeated, many lines up to 210, blocks around the 8192-byte limit), bodies
/// (Content-Length exact/short/long/duplicated/invalid, chunked with extensions and trailers, invalid chunk sizes,
/// Transfer-Encoding lists) and pipelining of up to three requests. No choice depends on anything but the seed.
/// </remarks>
public sealed class HttpRequestGenerator
{
    /// <summary>Paths the differential backend answers with a specific response shape (<c>/r/monitor</c>: a monitor-uri).</summary>
    public static readonly IReadOnlyList<string> DifferentialPaths =
        ["/r/chunked", "/r/close", "/r/204", "/r/304", "/r/404", "/r/http10", "/r/badheader", "/r/drop", "/r/big", "/r/monitor"];

    private static readonly string[] CommonMethods = ["GET", "GET", "GET", "GET", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS"];
    private static readonly string[] OddMethods = ["PURGE", "X-Custom_1.2~", "get", "M-SEARCH", "CONNECT"];
    private static readonly string[] BadMethods = ["GE(T", "GE@T", "G\"ET", "GET{", "G\u0001T", "GE\u007fT", "G\u00e9T", ""];
    private static readonly string[] Hosts = ["example.test", "www.example.test:8080", "a", "UPPER.Case.test", "127.0.0.1", ""];
    private static readonly string[] Agents = ["curl/7.88.1", "Mozilla/5.0 (X11; Linux x86_64)", "a|b{c}\"d#e", "\u00e9t\u00e9"];
    private static readonly string[] ConnectionValues = ["close", "keep-alive", "Keep-Alive", "close, keep-alive", "TE, close", "upgrade", "foo", ""];
    private static readonly string[] GoodVersions = ["HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/1.0"];
    private static readonly string[] OddVersions = ["HTTP/2.0", "HTTP/0.9", "HTTP/1.10", "HTTP/11.1", "HTTP/1.", "HTTP/1.x", "http/1.1", "HTTX/1.1", "HTTP/1.1 extra"];
    private static readonly string[] Tokens = ["a", "abc", "X-Trace", "value with spaces", "1", "0", "-1", "gzip, deflate", "\"quoted\""];

    private readonly int _seed;
    private int _index;

    public HttpRequestGenerator(int seed)
    {
        _seed = seed;
    }

    public int Seed => _seed;

    /// <summary>The payload number <paramref name="index"/> (0-based) of <paramref name="seed"/>.</summary>
    public static GeneratedRequest At(int seed, int index) => Build(seed, index);

    /// <summary>The next payload.</summary>
    public GeneratedRequest Next() => Build(_seed, _index++);

    private static GeneratedRequest Build(int seed, int index)
    {
        // One independent stream per payload, so any payload can be regenerated alone.
        var rng = new Random(unchecked((seed * 1_000_003) ^ (index * 7919) ^ 0x5bd1e995));
        var label = new StringBuilder();
        var output = new List<byte>(512);
        if (rng.Next(20) == 0)
        {
            var lead = rng.Next(2) == 0 ? "\r\n" : "\n";
            Append(output, lead);
            label.Append(lead == "\r\n" ? "lead=crlf " : "lead=lf ");
        }

        var count = rng.Next(10) switch { 0 => 2, 1 => 3, _ => 1 };
        if (count > 1)
        {
            label.Append(CultureInfo.InvariantCulture, $"pipeline={count} ");
        }

        for (var r = 0; r < count; r++)
        {
            if (r > 0)
            {
                label.Append("| ");
            }

            OneRequest(rng, output, label, last: r == count - 1);
        }

        return new GeneratedRequest(seed, index, [.. output], label.ToString().TrimEnd());
    }

    private static void OneRequest(Random rng, List<byte> output, StringBuilder label, bool last)
    {
        // Line ending for the whole message (mostly CRLF), sometimes one bad line.
        var eolKind = rng.Next(40) switch { 0 or 1 or 2 => "lf", 3 => "mixed", _ => "crlf" };
        string Eol() => eolKind switch { "lf" => "\n", "mixed" => rng.Next(2) == 0 ? "\n" : "\r\n", _ => "\r\n" };
        if (eolKind != "crlf")
        {
            label.Append("eol=").Append(eolKind).Append(' ');
        }

        // Method
        string method;
        switch (rng.Next(40))
        {
            case 0: method = BadMethods[rng.Next(BadMethods.Length)]; label.Append("method=bad "); break;
            case 1 or 2: method = OddMethods[rng.Next(OddMethods.Length)]; label.Append("method=odd "); break;
            default: method = CommonMethods[rng.Next(CommonMethods.Length)]; break;
        }

        label.Append(method.Length == 0 ? "<empty>" : Printable(method)).Append(' ');

        // URI
        var uri = Uri(rng, label);

        // Version (or none: HTTP/0.9)
        string? version;
        switch (rng.Next(30))
        {
            case 0: version = null; label.Append("ver=0.9 "); break;
            case 1 or 2: version = OddVersions[rng.Next(OddVersions.Length)]; label.Append("ver=").Append(version).Append(' '); break;
            default: version = GoodVersions[rng.Next(GoodVersions.Length)]; label.Append(version == "HTTP/1.0" ? "ver=1.0 " : "ver=1.1 "); break;
        }

        var sep = rng.Next(25) switch { 0 => "\t", 1 => "  ", _ => " " };
        if (sep != " ")
        {
            label.Append(sep == "\t" ? "sep=tab " : "sep=2sp ");
        }

        var line = version is null ? method + sep + uri : method + sep + uri + sep + version;
        if (rng.Next(60) == 0)
        {
            line += "\rX";
            label.Append("reqline=cr ");
        }

        Append(output, line + Eol());
        if (version is null && rng.Next(2) == 0)
        {
            // A true 0.9 request is the line alone; half the time the client still sends an empty line.
            Append(output, Eol());
            return;
        }

        // Headers
        var headers = new List<string>();
        if (rng.Next(8) != 0)
        {
            headers.Add("Host: " + Hosts[rng.Next(Hosts.Length)]);
        }

        if (rng.Next(3) == 0)
        {
            headers.Add("User-Agent: " + Agents[rng.Next(Agents.Length)]);
        }

        var wantClose = last && rng.Next(3) == 0;
        if (wantClose)
        {
            headers.Add("Connection: close");
        }
        else if (rng.Next(6) == 0)
        {
            headers.Add("Connection: " + ConnectionValues[rng.Next(ConnectionValues.Length)]);
        }

        var extra = rng.Next(12) == 0 ? rng.Next(5, 30) : rng.Next(0, 4);
        for (var i = 0; i < extra; i++)
        {
            headers.Add("X-H" + i.ToString(CultureInfo.InvariantCulture) + ": " + Tokens[rng.Next(Tokens.Length)]);
        }

        switch (rng.Next(80))
        {
            case 0: headers.Add("Bad Name: 1"); label.Append("hdr=space-in-name "); break;
            case 1: headers.Add("NoColonHere"); label.Append("hdr=no-colon "); break;
            case 2: headers.Add("X-Fold: first" + Eol() + (rng.Next(2) == 0 ? " " : "\t") + "continued"); label.Append("hdr=fold "); break;
            case 3: headers.Add("X-Ctl: a\u0001b\u007f"); label.Append("hdr=ctl-value "); break;
            case 4: headers.Add("X-Cr: a\rb"); label.Append("hdr=cr-in-value "); break;
            case 5: headers.Add(": empty-name"); label.Append("hdr=empty-name "); break;
            case 6: headers.Add("Host : spaced"); label.Append("hdr=space-before-colon "); break;
            case 7: headers.Add("X-Empty:"); label.Append("hdr=empty-value "); break;
            case 8: headers.Insert(0, " folded-first"); label.Append("hdr=fold-first "); break;
            case 9: headers.Add("Expect: 100-continue"); label.Append("hdr=expect "); break;
            case 10:
                var lines = rng.Next(200, 210);
                for (var i = headers.Count; i < lines; i++)
                {
                    headers.Add("X-L" + i.ToString(CultureInfo.InvariantCulture) + ": v");
                }

                label.Append(CultureInfo.InvariantCulture, $"hdr=lines{lines} ");
                break;
            case 11:
                // A header block of about 8192 bytes, on either side of the limit.
                var target = 8192 + rng.Next(-3, 4);
                var used = Encoding.Latin1.GetByteCount(line) + 2 + 2;
                foreach (var h in headers)
                {
                    used += h.Length + 2;
                }

                var pad = target - used - "X-Pad: ".Length - 2;
                if (pad > 0)
                {
                    headers.Add("X-Pad: " + new string('p', pad));
                }

                label.Append(CultureInfo.InvariantCulture, $"hdr=block~{target} ");
                break;
        }

        // Body
        var body = Body(rng, method, headers, label, Eol);
        foreach (var h in headers)
        {
            Append(output, h + Eol());
        }

        Append(output, Eol());
        output.AddRange(body);
    }

    private static string Uri(Random rng, StringBuilder label)
    {
        switch (rng.Next(40))
        {
            case 0: label.Append("uri=* "); return "*";
            case 1: label.Append("uri=absolute "); return "http://abs.example.test/p?q=1";
            case 2: label.Append("uri=8bit "); return "/caf\u00e9/\u00ff";
            case 3: label.Append("uri=ctl "); return "/a\u0001b";
            case 4: label.Append("uri=del "); return "/a\u007fb";
            case 5: label.Append("uri=nul "); return "/a\0b";
            case 6:
                var n = rng.Next(900, 2000);
                label.Append(CultureInfo.InvariantCulture, $"uri=long{n} ");
                return "/long/" + new string('x', n);
            case 7: label.Append("uri=escapes "); return "/q?x=\"y\"&z={1}|#frag";
            case 8: label.Append("uri=empty "); return string.Empty;
            case >= 9 and <= 16:
                var path = DifferentialPaths[rng.Next(DifferentialPaths.Count)];
                label.Append("uri=").Append(path).Append(' ');
                return path;
            default:
                var segs = rng.Next(1, 4);
                var text = new StringBuilder();
                for (var i = 0; i < segs; i++)
                {
                    text.Append('/').Append((char)('a' + rng.Next(26))).Append(rng.Next(100).ToString(CultureInfo.InvariantCulture));
                }

                if (rng.Next(4) == 0)
                {
                    text.Append("?k=").Append(rng.Next(1000).ToString(CultureInfo.InvariantCulture));
                }

                return text.ToString();
        }
    }

    private static byte[] Body(Random rng, string method, List<string> headers, StringBuilder label, Func<string> eol)
    {
        var kind = method == "POST" || method == "PUT" ? rng.Next(20) : rng.Next(50);
        string Data(int n)
        {
            var chars = new char[n];
            for (var i = 0; i < n; i++)
            {
                chars[i] = (char)('a' + ((i * 7) % 26));
            }

            return new string(chars);
        }

        switch (kind)
        {
            case 0 or 1 or 2:
                {
                    var n = rng.Next(0, 300);
                    headers.Add("Content-Length: " + n.ToString(CultureInfo.InvariantCulture));
                    label.Append(CultureInfo.InvariantCulture, $"body=cl{n} ");
                    return Encoding.Latin1.GetBytes(Data(n));
                }

            case 3 or 4:
                {
                    headers.Add("Transfer-Encoding: chunked");
                    var text = new StringBuilder();
                    var chunks = rng.Next(0, 4);
                    var ext = rng.Next(3) == 0;
                    for (var i = 0; i < chunks; i++)
                    {
                        var n = rng.Next(1, 40);
                        text.Append(n.ToString(rng.Next(2) == 0 ? "x" : "X", CultureInfo.InvariantCulture));
                        if (ext)
                        {
                            text.Append(";ext=").Append(i.ToString(CultureInfo.InvariantCulture));
                        }

                        text.Append(eol()).Append(Data(n)).Append(eol());
                    }

                    text.Append('0').Append(eol());
                    var trailers = rng.Next(3) == 0;
                    if (trailers)
                    {
                        text.Append("X-Trailer: t").Append(eol());
                    }

                    text.Append(eol());
                    label.Append(CultureInfo.InvariantCulture, $"body=chunked{chunks}{(ext ? "-ext" : string.Empty)}{(trailers ? "-trailer" : string.Empty)} ");
                    return Encoding.Latin1.GetBytes(text.ToString());
                }

            case 5:
                headers.Add("Transfer-Encoding: chunked");
                label.Append("body=chunked-badsize ");
                return Encoding.Latin1.GetBytes("zz\r\nabc\r\n0\r\n\r\n");
            case 6:
                headers.Add("Content-Length: 20");
                label.Append("body=cl-short ");
                return Encoding.Latin1.GetBytes("only-ten-b");
            case 7:
                headers.Add("Content-Length: 3");
                headers.Add("Content-Length: " + (rng.Next(2) == 0 ? "3" : "4"));
                label.Append("body=cl-dup ");
                return Encoding.Latin1.GetBytes("abcd");
            case 8:
                var bad = new[] { "abc", "-1", "+3", "3, 3", "99999999999999999999", "", " 3 " }[rng.Next(7)];
                headers.Add("Content-Length: " + bad);
                label.Append("body=cl-invalid ");
                return Encoding.Latin1.GetBytes("abc");
            case 9:
                headers.Add("Transfer-Encoding: " + new[] { "gzip, chunked", "chunked, gzip", "identity", "chunked, chunked" }[rng.Next(4)]);
                label.Append("body=te-list ");
                return Encoding.Latin1.GetBytes("3\r\nabc\r\n0\r\n\r\n");
            case 10:
                headers.Add("Transfer-Encoding: chunked");
                headers.Add("Content-Length: 100");
                label.Append("body=te+cl ");
                return Encoding.Latin1.GetBytes("3\r\nabc\r\n0\r\n\r\n");
            default:
                return [];
        }
    }

    private static string Printable(string s)
    {
        var text = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            text.Append(c is < ' ' or > '~' ? '?' : c);
        }

        return text.ToString();
    }

    private static void Append(List<byte> output, string text)
    {
        foreach (var c in text)
        {
            output.Add((byte)c);
        }
    }
}
