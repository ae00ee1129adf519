namespace HaproxyNet.Core.LoadBalancing;

/// <summary>RFC 2616 character classes as 1.4 tabulates them (<c>http_is_token</c>, <c>http_is_lws</c>...).</summary>
internal static class HttpChars
{
    /// <summary>True for a token byte: ASCII, neither CTL nor separator. Bytes &gt;= 0x80 are not tokens.</summary>
    public static bool IsToken(byte c)
        => c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}"u8.IndexOf(c) < 0;

    /// <summary>SP, HT, CR or LF.</summary>
    public static bool IsLws(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    /// <summary>SP or HT.</summary>
    public static bool IsSpHt(byte c) => c is (byte)' ' or (byte)'\t';
}
