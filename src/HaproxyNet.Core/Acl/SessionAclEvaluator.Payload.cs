using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Acl;

/// <summary>Request payload fetches: <c>req_ssl_ver</c>, <c>req_rdp_cookie</c>, <c>req_rdp_cookie_cnt</c>.</summary>
public readonly partial struct SessionAclEvaluator
{
    /// <summary>Outcome of a payload parser (what 1.4's fetch reports: value, "may change", or nothing).</summary>
    public enum Fetch
    {
        /// <summary>A value was extracted.</summary>
        Found,

        /// <summary>Not enough data yet (ACL_TEST_F_MAY_CHANGE).</summary>
        TooShort,

        /// <summary>The data cannot hold such a value.</summary>
        NotFound,
    }

    /// <summary>
    /// acl_fetch_req_ssl_ver: the protocol version of an SSLv3/TLS record (any content type) or of an SSLv2
    /// CLIENT-HELLO, once the whole message (or what fits in the buffer) is there; major &lt;&lt; 16 | minor.
    /// </summary>
    private AclMatchResult FetchReqSslVer(AclDefinition expression)
    {
        var req = _session.Req;
        var st = ReadSslVersion(req.GetReadSpan(), req.Size, out var version);
        return st switch
        {
            Fetch.Found => AclMatcher.MatchAny(expression, version),
            Fetch.TooShort => Partial ? AclMatchResult.Miss : AclMatchResult.Fail,
            _ => AclMatchResult.Fail,
        };
    }

    /// <summary>acl_fetch_rdp_cookie / acl_fetch_rdp_cookie_cnt on the request buffer.</summary>
    private AclMatchResult FetchRdpCookie(AclDefinition expression, bool count)
    {
        var name = expression.Argument;
        var st = ReadRdpCookie(_session.Req.GetReadSpan(), name, out var value);
        if (st == Fetch.TooShort)
        {
            return Partial ? AclMatchResult.Miss : AclMatchResult.Fail;
        }

        if (count)
        {
            return AclMatcher.MatchAny(expression, st == Fetch.Found ? 1 : 0);
        }

        return st == Fetch.Found ? AclMatcher.MatchAny(expression, value) : AclMatchResult.Fail;
    }

    /// <summary>The SSL/TLS version parser of acl_fetch_req_ssl_ver; <paramref name="maxLen"/> is the buffer size.</summary>
    internal static Fetch ReadSslVersion(ReadOnlySpan<byte> data, int maxLen, out int version)
    {
        version = 0;
        var bleft = data.Length;
        if (bleft == 0)
        {
            return Fetch.TooShort;
        }

        int msgLen;
        var p = 0;
        if (data[0] is >= 0x14 and <= 0x17 or 0xFF)
        {
            // SSLv3 record header: type, version, length.
            if (bleft < 5)
            {
                return Fetch.TooShort;
            }

            version = (data[1] << 16) + data[2];
            msgLen = (data[3] << 8) + data[4];
            if (version < 0x00030000 || msgLen < 1 || msgLen > (1 << 14) + 2048)
            {
                return Fetch.NotFound;
            }

            bleft -= 5;
        }
        else
        {
            // SSLv2 header, CLIENT-HELLO only.
            int rlen, plen;
            if ((data[0] & 0x80) != 0)
            {
                if (bleft < 3)
                {
                    return Fetch.TooShort;
                }

                rlen = ((data[0] & 0x7F) << 8) | data[1];
                plen = 0;
                bleft -= 2;
                p = 2;
            }
            else
            {
                if (bleft < 4)
                {
                    return Fetch.TooShort;
                }

                rlen = ((data[0] & 0x3F) << 8) | data[1];
                plen = data[2];
                bleft -= 3;
                p = 2; // 1.4 skips two bytes here: the padding byte is read as the message type
            }

            if (data[p] != 0x01)
            {
                return Fetch.NotFound;
            }

            bleft--;
            p++;
            if (bleft < 8)
            {
                return Fetch.TooShort;
            }

            version = (data[p] << 16) + data[p + 1];
            var cilen = (data[p + 2] << 8) + data[p + 3];
            var silen = (data[p + 4] << 8) + data[p + 5];
            var chlen = (data[p + 6] << 8) + data[p + 7];
            bleft -= 8;
            if (cilen % 3 != 0 || (silen != 0 && silen != 16) || chlen < 16 || chlen > 32
                || rlen != 9 + cilen + silen + chlen)
            {
                return Fetch.NotFound;
            }

            msgLen = cilen + silen + chlen + plen;
        }

        // Never wait for more than the buffer can hold.
        if (msgLen > maxLen)
        {
            msgLen = maxLen;
        }

        return bleft < msgLen ? Fetch.TooShort : Fetch.Found;
    }

    /// <summary>
    /// The RDP cookie parser of acl_fetch_rdp_cookie: 11 bytes skipped, <c>Cookie:</c> (any case), spaces,
    /// <c>name=</c> (any case; any name when null), the value up to CR LF.
    /// </summary>
    internal static Fetch ReadRdpCookie(ReadOnlySpan<byte> data, string? name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (data.Length <= 11)
        {
            return Fetch.TooShort;
        }

        data = data[11..];
        if (data.Length <= 7)
        {
            return Fetch.TooShort;
        }

        if (!System.Text.Ascii.EqualsIgnoreCase(data[..7], "Cookie:"u8))
        {
            return Fetch.NotFound;
        }

        data = data[7..];
        while (!data.IsEmpty && data[0] == (byte)' ')
        {
            data = data[1..];
        }

        if (!string.IsNullOrEmpty(name))
        {
            if (data.Length <= name.Length)
            {
                return Fetch.TooShort;
            }

            if (data[name.Length] != (byte)'=' || !EqualsIgnoreCase(data[..name.Length], name))
            {
                return Fetch.NotFound;
            }

            data = data[(name.Length + 1)..];
        }
        else
        {
            while (!data.IsEmpty && data[0] != (byte)'=')
            {
                if (data[0] is (byte)'\r' or (byte)'\n')
                {
                    return Fetch.NotFound;
                }

                data = data[1..];
            }

            if (data.IsEmpty)
            {
                return Fetch.TooShort;
            }

            data = data[1..];
        }

        var cr = data.IndexOf((byte)'\r');
        var rest = cr < 0 ? 0 : data.Length - cr;
        if (rest < 2)
        {
            return Fetch.TooShort;
        }

        if (data[cr + 1] != (byte)'\n')
        {
            return Fetch.NotFound;
        }

        value = data[..cr];
        return Fetch.Found;
    }

    /// <summary>strncasecmp of a pattern name against raw bytes (ASCII folding).</summary>
    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> bytes, string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var a = bytes[i];
            var b = name[i];
            if (b > 0x7F || (a | 0x20) != (b | 0x20) || (!char.IsAsciiLetter(b) && a != b))
            {
                return false;
            }
        }

        return true;
    }
}
