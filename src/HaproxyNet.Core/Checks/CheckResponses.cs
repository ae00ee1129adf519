using System.Text;
using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.Checks;

/// <summary>
/// Evaluation of a check reply per protocol (the body of 1.4's <c>event_srv_chk_r</c> and <c>httpchk_expect</c>).
/// </summary>
/// <remarks>
/// 1.4 works on a NUL-terminated copy: texts (descriptions, <c>strstr</c>, regexes) stop at the first NUL byte, while
/// length tests use the number of bytes read. Bytes are read as Latin-1 characters.
/// </remarks>
public static class CheckResponses
{
    /// <summary>Texts of the expect rules.</summary>
    public const string NoBody = "HTTP content check could not find a response body";

    /// <summary>Empty body text.</summary>
    public const string EmptyBody = "HTTP content check found empty response body";

    /// <summary>
    /// Sets the check status from <paramref name="data"/> (everything read so far); returns false when more data is
    /// needed and <paramref name="done"/> (peer closed, error or buffer full) is false.
    /// </summary>
    public static bool Evaluate(EngineLoop loop, Server s, ReadOnlySpan<byte> data, bool done)
    {
        var settings = s.Proxy.CheckSettings;
        switch (settings.Kind)
        {
            case CheckKind.Http:
                return Http(loop, s, settings, data, done);
            case CheckKind.SslHello:
                if (!done && data.Length < 5)
                {
                    return false;
                }

                ServerHealth.SetCheckStatus(loop, s, data.Length >= 5 && data[0] is 0x15 or 0x16 ? CheckStatus.L6Ok : CheckStatus.L6Rsp, null);
                return true;
            case CheckKind.Smtp:
                return Smtp(loop, s, data, done);
            case CheckKind.Mysql:
                return Mysql(loop, s, settings, data, done);
            case CheckKind.Ldap:
                return Ldap(loop, s, data, done);
            default:
                ServerHealth.SetCheckStatus(loop, s, CheckStatus.L4Ok, null);
                return true;
        }
    }

    /// <summary>The C string starting at <paramref name="offset"/> (up to the first NUL), as Latin-1.</summary>
    public static string CString(ReadOnlySpan<byte> data, int offset)
    {
        if (offset >= data.Length)
        {
            return string.Empty;
        }

        var rest = data[offset..];
        var nul = rest.IndexOf((byte)0);
        return Encoding.Latin1.GetString(nul < 0 ? rest : rest[..nul]);
    }

    /// <summary>cut_crlf: the text up to the first CR or LF.</summary>
    public static string CutCrlf(string text)
    {
        var i = text.AsSpan().IndexOfAny('\r', '\n');
        return i < 0 ? text : text[..i];
    }

    private static string LTrimSpaces(string text) => text.TrimStart(' ');

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool Http(EngineLoop loop, Server s, CheckSettings settings, ReadOnlySpan<byte> data, bool done)
    {
        const int minLen = 13; // "HTTP/1.0 000\r"
        if (!done && data.Length < minLen)
        {
            return false;
        }

        if (data.Length < minLen || !data.StartsWith("HTTP/1."u8) || (data[12] != ' ' && data[12] != '\r')
            || !IsDigit(data[9]) || !IsDigit(data[10]) || !IsDigit(data[11]))
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, CutCrlf(CString(data, 0)));
            return true;
        }

        s.CheckCode = ((data[9] - '0') * 100) + ((data[10] - '0') * 10) + (data[11] - '0');
        var desc = CutCrlf(LTrimSpaces(CString(data, 12)));
        if (settings.DisableOn404 && s.IsRunning && s.CheckCode == 404)
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7OkConditional, desc);
        }
        else if (settings.Expect != ExpectKind.None)
        {
            return Expect(loop, s, settings, data, done);
        }
        else if (data[9] is (byte)'2' or (byte)'3')
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Ok, desc);
        }
        else
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Sts, desc);
        }

        return true;
    }

    /// <summary>httpchk_expect: the status or the body against the rule (returns false to wait for more data).</summary>
    private static bool Expect(EngineLoop loop, Server s, CheckSettings settings, ReadOnlySpan<byte> data, bool done)
    {
        bool ret;
        switch (settings.Expect)
        {
            case ExpectKind.Status or ExpectKind.RStatus:
                var code = Encoding.Latin1.GetString(data.Slice(9, 3));
                if (settings.Expect == ExpectKind.Status)
                {
                    var want = settings.ExpectString ?? string.Empty;
                    ret = want.Length >= 3 && string.Equals(want[..3], code, StringComparison.Ordinal); // strncmp(.., 3)
                }
                else
                {
                    ret = settings.ExpectRegex!.IsMatch(code);
                }

                if (settings.ExpectInverted)
                {
                    ret = !ret;
                }

                ServerHealth.SetCheckStatus(loop, s, ret ? CheckStatus.L7Ok : CheckStatus.L7Sts, $"HTTP status check returned code <{code}>");
                return true;
            default:
                var text = CString(data, 0);
                var crlf = 0;
                var pos = 0;
                for (; pos < text.Length; pos++)
                {
                    if (crlf >= 2)
                    {
                        break;
                    }

                    var c = text[pos];
                    if (c == '\r')
                    {
                        continue;
                    }

                    crlf = c == '\n' ? crlf + 1 : 0;
                }

                if (crlf < 2)
                {
                    if (!done)
                    {
                        return false;
                    }

                    ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, NoBody);
                    return true;
                }

                if (pos >= text.Length)
                {
                    if (!done)
                    {
                        return false;
                    }

                    ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, EmptyBody);
                    return true;
                }

                var body = text[pos..];
                ret = settings.Expect == ExpectKind.String
                    ? body.Contains(settings.ExpectString ?? string.Empty, StringComparison.Ordinal)
                    : settings.ExpectRegex!.IsMatch(body);
                if (!ret && !done)
                {
                    return false;
                }

                if (ret)
                {
                    ServerHealth.SetCheckStatus(loop, s, settings.ExpectInverted ? CheckStatus.L7Rsp : CheckStatus.L7Ok,
                        settings.ExpectInverted ? "HTTP check matched unwanted content" : "HTTP content check matched");
                }
                else
                {
                    ServerHealth.SetCheckStatus(loop, s, settings.ExpectInverted ? CheckStatus.L7Ok : CheckStatus.L7Rsp,
                        settings.ExpectInverted ? "HTTP check did not match unwanted content" : "HTTP content check did not match");
                }

                return true;
        }
    }

    private static bool Smtp(EngineLoop loop, Server s, ReadOnlySpan<byte> data, bool done)
    {
        const int minLen = 4; // "000\r"
        if (!done && data.Length < minLen)
        {
            return false;
        }

        if (data.Length < minLen || (data[3] != ' ' && data[3] != '\r') || !IsDigit(data[0]) || !IsDigit(data[1]) || !IsDigit(data[2]))
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, CutCrlf(CString(data, 0)));
            return true;
        }

        s.CheckCode = ((data[0] - '0') * 100) + ((data[1] - '0') * 10) + (data[2] - '0');
        var desc = CutCrlf(LTrimSpaces(CString(data, 3)));
        ServerHealth.SetCheckStatus(loop, s, data[0] == '2' ? CheckStatus.L7Ok : CheckStatus.L7Sts, desc);
        return true;
    }

    /// <remarks>1.4.25's debug Warning() calls of this parser ("2packetOK: ...") are commented out: nothing on stderr.</remarks>
    private static bool Mysql(EngineLoop loop, Server s, CheckSettings settings, ReadOnlySpan<byte> data, bool done)
    {
        if (!done && data.Length < 5)
        {
            return false;
        }

        // Bytes past what was read are zero (1.4's buffer is zeroed at start and NUL-terminated).
        byte At(ReadOnlySpan<byte> d, int i) => i < d.Length ? d[i] : (byte)0;

        if (settings.Request.Length == 0)
        {
            if (At(data, 4) != 0xff)
            {
                if (data.Length > 51)
                {
                    ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Ok, LTrimSpaces(CString(data, 5)));
                    return true;
                }

                if (!done)
                {
                    return false;
                }

                ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, CString(data, 0));
                return true;
            }

            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Sts, LTrimSpaces(CString(data, 7)));
            return true;
        }

        var first = At(data, 0) + (At(data, 1) << 8) + (At(data, 2) << 16);
        if (data.Length == first + 4)
        {
            if (At(data, 4) != 0xff)
            {
                if (!done && data.Length < first + 5)
                {
                    return false;
                }
            }
            else
            {
                var desc = CString(data, 7);
                ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Sts, desc);
            }
        }
        else if (data.Length > first + 4)
        {
            var second = At(data, first + 4) + (At(data, first + 5) << 8) + (At(data, first + 6) << 16);
            if (data.Length == first + 4 + second + 4)
            {
                if (At(data, first + 8) != 0xff)
                {
                    var desc = CString(data, 5);
                    ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Ok, desc);
                }
                else
                {
                    var desc = CString(data, first + 11);
                    ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Sts, desc);
                }
            }
        }
        else
        {
            if (!done)
            {
                return false;
            }

            var desc = CString(data, 5);
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, desc);
        }

        return true;
    }

    private static bool Ldap(EngineLoop loop, Server s, ReadOnlySpan<byte> data, bool done)
    {
        const string notLdap = "Not LDAPv3 protocol";
        if (!done && data.Length < 14)
        {
            return false;
        }

        if (data.Length < 14 || data[0] != 0x30)
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, notLdap);
            return true;
        }

        var msglen = (data[1] & 0x80) != 0 ? data[1] & 0x7f : 0;
        if (msglen > 2 || !data.Slice(2 + msglen, 4).SequenceEqual((ReadOnlySpan<byte>)[0x02, 0x01, 0x01, 0x61]))
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, notLdap);
            return true;
        }

        msglen += (data[msglen + 6] & 0x80) != 0 ? data[msglen + 6] & 0x7f : 0;
        if (msglen > 4 || !data.Slice(7 + msglen, 2).SequenceEqual((ReadOnlySpan<byte>)[0x0a, 0x01]))
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Rsp, notLdap);
            return true;
        }

        s.CheckCode = data[msglen + 9];
        if (s.CheckCode != 0)
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Sts, "See RFC: http://tools.ietf.org/html/rfc4511#section-4.1.9");
        }
        else
        {
            ServerHealth.SetCheckStatus(loop, s, CheckStatus.L7Ok, "Success");
        }

        return true;
    }
}
