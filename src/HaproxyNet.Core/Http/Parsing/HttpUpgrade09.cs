namespace HaproxyNet.Core.Http.Parsing;

/// <summary>HTTP/0.9 request upgrade (1.4's <c>http_upgrade_v09_to_v10</c>).</summary>
public static class HttpUpgrade09
{
    /// <summary>
    /// Bytes the upgrade inserts: 0 for a request that has a version, 11 (<c>" HTTP/1.0\r\n"</c>) when a URI is
    /// present, 13 (<c>" /"</c> too) when not.
    /// </summary>
    public static int Growth(HttpMsg msg)
        => msg.Rq.VersionLength != 0 ? 0 : (msg.Rq.UriLength == 0 ? 2 : 0) + 11;

    /// <summary>
    /// Rewrites an HTTP/0.9 request line in place into <c>METHOD URI HTTP/1.0</c> + CRLF, appending <c>" /"</c>
    /// when no URI was given; the original line end becomes the empty line ending the headers. Bytes after the
    /// line (there is no header) are shifted right inside <paramref name="buffer"/>. Updates the request line,
    /// <see cref="HttpMsg.Eoh"/>, <see cref="HttpMsg.Sov"/>, <see cref="HttpMsg.Next"/> and index entry 0.
    /// </summary>
    /// <param name="buffer">The channel storage from the data's first byte, with free room after the data.</param>
    /// <param name="dataLength">Bytes of data in <paramref name="buffer"/>; grown by <see cref="Growth"/> on success.</param>
    /// <returns>True if done (or nothing to do); false when the room (1.4: the rewrite reserve) is too small.</returns>
    public static bool Upgrade(Span<byte> buffer, ref int dataLength, HttpMsg msg, HdrIdx idx)
    {
        var growth = Growth(msg);
        if (growth == 0)
        {
            return true;
        }

        if (dataLength + growth > buffer.Length)
        {
            return false;
        }

        var at = msg.Som + msg.Rq.Length;
        buffer[at..dataLength].CopyTo(buffer[(at + growth)..]);
        var w = at;
        if (msg.Rq.UriLength == 0)
        {
            " /"u8.CopyTo(buffer[w..]);
            msg.Rq.Uri = w + 1;
            msg.Rq.UriLength = 1;
            w += 2;
        }

        " HTTP/1.0\r\n"u8.CopyTo(buffer[w..]);
        msg.Rq.Version = w + 1;
        msg.Rq.VersionLength = 8;
        msg.Rq.Length = w + 9 - msg.Som;
        dataLength += growth;
        msg.Eoh += growth;
        msg.Sov += growth;
        msg.Next += growth;
        msg.Col += growth;
        msg.Sol += growth;
        msg.Eol += growth;
        idx.SetStart(msg.Rq.Length, true);
        return true;
    }
}
