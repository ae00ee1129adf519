using System.Buffers;

namespace HaproxyNet.Core.Http.Parsing;

/// <summary>
/// Character classes of the parser (1.4's <c>http_is_token</c>, <c>http_is_ver_token</c>, <c>http_is_spht</c>,
/// <c>http_is_crlf</c>, <c>http_is_lws</c> tables), as lookups and as <see cref="SearchValues{T}"/> for vectorised scans.
/// </summary>
public static class HttpCharClass
{
    private const byte Token = 1;
    private const byte VerToken = 2;
    private const byte SpHt = 4;
    private const byte Crlf = 8;

    private static readonly byte[] Table = BuildTable();

    /// <summary>RFC 2616 token bytes: 33..126 except separators <c>()&lt;&gt;@,;:\"/[]?={}</c>.</summary>
    public static readonly SearchValues<byte> TokenValues = SearchValues.Create(Collect(Token));

    /// <summary>CR and LF.</summary>
    public static readonly SearchValues<byte> CrlfValues = SearchValues.Create("\r\n"u8);

    /// <summary>A token byte (method, header name).</summary>
    public static bool IsToken(byte c) => (Table[c] & Token) != 0;

    /// <summary>A version byte: <c>H T P / .</c> and digits (upper case only).</summary>
    public static bool IsVerToken(byte c) => (Table[c] & VerToken) != 0;

    /// <summary>SP or HT.</summary>
    public static bool IsSpHt(byte c) => (Table[c] & SpHt) != 0;

    /// <summary>CR or LF.</summary>
    public static bool IsCrlf(byte c) => (Table[c] & Crlf) != 0;

    /// <summary>SP, HT, CR or LF.</summary>
    public static bool IsLws(byte c) => (Table[c] & (SpHt | Crlf)) != 0;

    private static byte[] BuildTable()
    {
        var t = new byte[256];
        for (var c = 33; c < 127; c++)
        {
            if ("()<>@,;:\\\"/[]?={}".IndexOf((char)c, StringComparison.Ordinal) < 0)
            {
                t[c] |= Token;
            }
        }

        foreach (var c in "HTP/.0123456789")
        {
            t[c] |= VerToken;
        }

        t[' '] |= SpHt;
        t['\t'] |= SpHt;
        t['\r'] |= Crlf;
        t['\n'] |= Crlf;
        return t;
    }

    private static byte[] Collect(byte cls)
    {
        var table = BuildTable();
        var n = 0;
        for (var i = 0; i < 256; i++)
        {
            n += (table[i] & cls) != 0 ? 1 : 0;
        }

        var r = new byte[n];
        n = 0;
        for (var i = 0; i < 256; i++)
        {
            if ((table[i] & cls) != 0)
            {
                r[n++] = (byte)i;
            }
        }

        return r;
    }
}
