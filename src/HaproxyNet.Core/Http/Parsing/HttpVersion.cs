namespace HaproxyNet.Core.Http.Parsing;

/// <summary>Version checks on a parsed start line.</summary>
public static class HttpVersion
{
    /// <summary>
    /// 1.4's HTTP/1.1 test (<c>TX_REQ_VER_11</c>/<c>TX_RES_VER_11</c>): the version field is exactly 8 bytes and
    /// its 6th byte is above '1', or is '1' with the 8th at least '1'. Only those two bytes are looked at.
    /// </summary>
    public static bool IsHttp11(ReadOnlySpan<byte> version)
        => version.Length == 8 && (version[5] > '1' || (version[5] == '1' && version[7] >= '1'));

    /// <summary>HTTP/1.1 test on a parsed request.</summary>
    public static bool RequestIsHttp11(ReadOnlySpan<byte> data, HttpMsg msg)
        => IsHttp11(data.Slice(msg.Rq.Version, msg.Rq.VersionLength));

    /// <summary>HTTP/1.1 test on a parsed response.</summary>
    public static bool ResponseIsHttp11(ReadOnlySpan<byte> data, HttpMsg msg)
        => IsHttp11(data.Slice(msg.Som, msg.St.VersionLength));

    /// <summary>
    /// The status code as 1.4 reads it (<c>strl2ui</c> over the code field): decimal digits accumulated until the
    /// first non-digit.
    /// </summary>
    public static int ParseStatus(ReadOnlySpan<byte> data, HttpMsg msg)
    {
        var code = data.Slice(msg.St.Code, msg.St.CodeLength);
        var v = 0;
        foreach (var c in code)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                break;
            }

            v = unchecked((v * 10) + d);
        }

        return v;
    }
}
