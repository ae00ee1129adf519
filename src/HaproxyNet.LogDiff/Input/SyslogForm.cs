namespace HaproxyNet.LogDiff.Input;

/// <summary>The framings <see cref="SyslogRecordReader"/> recognises, line by line.</summary>
public enum SyslogForm
{
    /// <summary><c>&lt;PRI&gt;Mmm dd hh:mm:ss tag[pid]: msg</c>: the datagram as HAProxy 1.4 sends it (a capture, the test harness's raw.log).</summary>
    Datagram,

    /// <summary><c>&lt;PRI&gt;1 2026-11-24T14:59:02.123+01:00 host tag pid - - msg</c>: an RFC 5424 datagram.</summary>
    Rfc5424Datagram,

    /// <summary><c>Mmm dd hh:mm:ss host tag[pid]: msg</c>: rsyslog's traditional file format, <c>journalctl -o short</c>.</summary>
    Traditional,

    /// <summary><c>2026-11-24T14:59:02.123456+01:00 host tag[pid]: msg</c>: rsyslog's high-precision file format, <c>journalctl -o short-iso[-precise]</c>.</summary>
    Iso,

    /// <summary>The message alone: <c>journalctl -o cat</c>.</summary>
    MessageOnly,
}
