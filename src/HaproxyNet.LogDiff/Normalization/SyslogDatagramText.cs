using System.Globalization;
using System.Text;

namespace HaproxyNet.LogDiff.Normalization;

/// <summary>Turns one syslog datagram into one raw log line.</summary>
/// <remarks>
/// HAProxy 1.4 ends each datagram with a newline (<c>send_log</c> in log.c); it is dropped, and any other newline is
/// shown as <c>\n</c> so one datagram stays one line. Bytes that are not UTF-8 are written as <c>\xNN</c>, as
/// Python's <c>backslashreplace</c> does in the shared harness.
/// </remarks>
public static class SyslogDatagramText
{
    public static string Decode(ReadOnlySpan<byte> datagram)
    {
        var text = new StringBuilder(datagram.Length);
        while (!datagram.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(datagram, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (var i = 0; i < consumed; i++)
                {
                    text.Append(@"\x").Append(datagram[i].ToString("x2", CultureInfo.InvariantCulture));
                }
            }

            datagram = datagram[consumed..];
        }

        if (text.Length > 0 && text[^1] == '\n')
        {
            text.Length--;
        }

        return text.Replace("\n", @"\n").ToString();
    }
}
