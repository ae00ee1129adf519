using System.Buffers;
using HaproxyNet.Core.Diagnostics;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http;

/// <summary>The <c>-d</c> HTTP lines: <c>clireq</c>/<c>clihdr</c> for a request, <c>srvrep</c>/<c>srvhdr</c> for a response (CLI.md §5).</summary>
public static class HttpDebug
{
    /// <summary>Writes the start line and one line per header of a complete message.</summary>
    public static void Headers(IDebugOutput output, Session s, ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, bool isRequest)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        var line = msg.Som;
        Line(output, s, isRequest ? "clireq"u8 : "srvrep"u8, data.Slice(line, idx[0].Length));
        line += idx[0].LineSize;
        for (var cur = idx.FirstIdx; cur != 0; cur = idx[cur].Next)
        {
            Line(output, s, isRequest ? "clihdr"u8 : "srvhdr"u8, data.Slice(line, idx[cur].Length));
            line += idx[cur].LineSize;
        }
    }

    private static void Line(IDebugOutput output, Session s, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> text)
    {
        var size = text.Length + s.Be.Name.Length + 64;
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var w = new DebugLineWriter(rented);
            DebugTrace.AppendEvent(ref w, s, tag);
            w.Append(": "u8);
            w.Append(text);
            w.Append((byte)'\n');
            output.Write(w.Written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
