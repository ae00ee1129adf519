namespace HaproxyNet.Logging.Syslog;

/// <summary>
/// The <c>Mmm dd HH:MM:SS [hostname ]tag[pid]: </c> part of a syslog line, rebuilt only when the wall-clock
/// second changes (pid included, as 1.4 caches the whole text).
/// </summary>
/// <remarks>From 1.4's <c>send_log</c> (log.c). Not thread-safe: the owner serialises calls.</remarks>
public sealed class SyslogHeader
{
    /// <summary>1.4's MAX_SYSLOG_LEN: header, message and the 5-byte PRI placeholder share it.</summary>
    public const int MaxSyslogLen = 1024;

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly TimeProvider _time;
    private readonly SyslogOptions _options;
    private readonly char[] _text;
    private long _second = long.MinValue;
    private int _length;

    public SyslogHeader(TimeProvider time, SyslogOptions options)
    {
        _time = time;
        _options = options;

        // date (16) + hostname + space + tag + "[" + pid (<= 11) + "]: "
        _text = new char[16 + (options.Hostname?.Length + 1 ?? 0) + options.Tag.Length + 15];
    }

    /// <summary>Returns the header for the current second; the span is valid until the next call.</summary>
    public ReadOnlySpan<char> Current()
    {
        var utc = _time.GetUtcNow();
        var second = utc.ToUnixTimeSeconds();
        if (second != _second)
        {
            _second = second;
            _length = Build(TimeZoneInfo.ConvertTime(utc, _time.LocalTimeZone).DateTime);
        }

        return _text.AsSpan(0, _length);
    }

    /// <summary>
    /// Room left for the message: 1024 minus the PRI placeholder (5) and the header, i.e. 1.4's
    /// <c>MAX_SYSLOG_LEN - (dataptr - logmsg)</c>.
    /// </summary>
    public static int MessageRoom(int headerLength) => Math.Max(1, MaxSyslogLen - 5 - headerLength);

    private int Build(DateTime local)
    {
        var span = _text.AsSpan();
        Months[local.Month - 1].AsSpan().CopyTo(span);
        span[3] = ' ';

        // day of month right-aligned on two characters ("Nov  4")
        span[4] = local.Day < 10 ? ' ' : (char)('0' + (local.Day / 10));
        span[5] = (char)('0' + (local.Day % 10));
        span[6] = ' ';
        TwoDigits(span[7..], local.Hour);
        span[9] = ':';
        TwoDigits(span[10..], local.Minute);
        span[12] = ':';
        TwoDigits(span[13..], local.Second);
        span[15] = ' ';
        var at = 16;
        if (_options.Hostname is { } host)
        {
            host.AsSpan().CopyTo(span[at..]);
            at += host.Length;
            span[at++] = ' ';
        }

        _options.Tag.AsSpan().CopyTo(span[at..]);
        at += _options.Tag.Length;
        span[at++] = '[';
        (_options.Pid ?? Environment.ProcessId).TryFormat(span[at..], out var written);
        at += written;
        span[at++] = ']';
        span[at++] = ':';
        span[at++] = ' ';
        return at;
    }

    private static void TwoDigits(Span<char> dest, int value)
    {
        dest[0] = (char)('0' + (value / 10));
        dest[1] = (char)('0' + (value % 10));
    }
}
