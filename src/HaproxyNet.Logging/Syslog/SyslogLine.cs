namespace HaproxyNet.Logging.Syslog;

/// <summary>Assembles <c>&lt;PRI&gt;header data</c> with 1.4's length limit.</summary>
/// <remarks>
/// 1.4's <c>send_log</c>: with <c>A</c> = room left after the PRI placeholder and the header, a message
/// <c>M</c> (ending in LF) is sent whole if <c>len(M) &lt;= A</c>, else as its first <c>A-1</c> bytes plus LF.
/// 1.4 then forces the last byte sent to LF whatever it was, so a message without a final LF loses its last
/// character to it, and an empty one turns the header's final space into LF. Every line thus ends with LF.
/// Characters are bytes here (ISO-8859-1): the engine's text is byte text and every formatter escapes the rest.
/// </remarks>
public static class SyslogLine
{
    /// <summary>Longest line produced: a 3-digit PRI fills 1.4's buffer exactly.</summary>
    public const int MaxLength = SyslogHeader.MaxSyslogLen;

    /// <summary>Writes the datagram text into <paramref name="dest"/> (at least <see cref="MaxLength"/> long).</summary>
    /// <returns>The number of characters written; the last one is always LF.</returns>
    public static int Format(Span<char> dest, int facility, int level, ReadOnlySpan<char> header, ReadOnlySpan<char> message)
    {
        var at = 0;
        dest[at++] = '<';
        (facility * 8 + level).TryFormat(dest[at..], out var digits);
        at += digits;
        dest[at++] = '>';
        header.CopyTo(dest[at..]);
        at += header.Length;

        var room = SyslogHeader.MessageRoom(header.Length);
        var length = Math.Min(message.Length, room);
        message[..length].CopyTo(dest[at..]);
        at += length;

        // "force a break on ultra-long lines": the last byte becomes LF (the header's, if no data).
        dest[at - 1] = '\n';
        return at;
    }
}
