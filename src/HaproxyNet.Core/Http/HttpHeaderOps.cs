using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Http;

/// <summary>Where a header lookup stands (1.4's <c>struct hdr_ctx</c>); offsets are from the channel's head.</summary>
public struct HdrCtx
{
    /// <summary>Current header entry, 0 = not started.</summary>
    public int Idx;

    /// <summary>Entry before <see cref="Idx"/> in message order.</summary>
    public int Prev;

    /// <summary>Offset of the current header line.</summary>
    public int Line;

    /// <summary>Offset of the current value.</summary>
    public int Val;

    /// <summary>Length of the current value (trailing spaces excluded).</summary>
    public int VLen;

    /// <summary>Offset of the comma before the current value, -1 for the first value of the line.</summary>
    public int Comma;

    /// <summary>Offset where the next value search resumes in this line (after a comma), -1 = next line.</summary>
    public int Resume;

    /// <summary>Offset of the comma before <see cref="Resume"/>, -1 if the value there is the line's first.</summary>
    public int ResumeComma;
}

/// <summary>
/// Header lookups and edits on a parsed message (1.4's <c>http_find_header2</c>, <c>http_remove_header2</c>,
/// <c>http_header_add_tail</c>, <c>http_change_connection_header</c>, <c>capture_headers</c>), in place, no allocation.
/// </summary>
public static class HttpHeaderOps
{
    /// <summary>Offset of the first header line of <paramref name="msg"/>.</summary>
    public static int FirstLine(HttpMsg msg, HdrIdx idx) => msg.Som + idx.FirstPos;

    /// <summary>
    /// http_find_header2: the next comma-separated value of header <paramref name="name"/> (case-insensitive),
    /// from where <paramref name="ctx"/> stands; false at the end.
    /// </summary>
    public static bool Find(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, ReadOnlySpan<byte> name, ref HdrCtx ctx)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        int cur, prev, line;
        if (ctx.Idx != 0 && ctx.Resume >= 0)
        {
            // More values on the same line.
            var lineEnd = ctx.Line + idx[ctx.Idx].Length;
            ctx.Comma = ctx.ResumeComma;
            SetValue(data, ref ctx, ctx.Resume, lineEnd);
            return true;
        }

        if (ctx.Idx == 0)
        {
            prev = 0;
            cur = idx.FirstIdx;
            line = FirstLine(msg, idx);
        }
        else
        {
            prev = ctx.Idx;
            line = ctx.Line + idx[ctx.Idx].LineSize;
            cur = idx[ctx.Idx].Next;
        }

        while (cur != 0)
        {
            var len = idx[cur].Length;
            if (len > name.Length && data[line + name.Length] == (byte)':'
                && EqualsIgnoreCase(data.Slice(line, name.Length), name))
            {
                ctx.Idx = cur;
                ctx.Prev = prev;
                ctx.Line = line;
                ctx.Comma = -1;
                var p = line + name.Length + 1;
                SetValue(data, ref ctx, p, line + len);
                return true;
            }

            prev = cur;
            line += idx[cur].LineSize;
            cur = idx[cur].Next;
        }

        ctx.Idx = 0;
        return false;
    }

    /// <summary>
    /// http_remove_header2: removes the value <paramref name="ctx"/> points at, with its comma, or the whole line
    /// when it was the only value. <paramref name="ctx"/> stays usable for the next <see cref="Find"/>.
    /// </summary>
    /// <returns>The size change of the message.</returns>
    public static int RemoveValue(Channel b, HttpMsg msg, HdrIdx idx, ref HdrCtx ctx)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        var cur = ctx.Idx;
        int delta;
        if (ctx.Comma < 0 && ctx.Resume < 0)
        {
            // The only (remaining) value: drop the whole line.
            delta = b.Replace(ctx.Line, idx[cur].LineSize, default) ?? 0;
            idx.Remove(ctx.Prev, cur);
            msg.MoveEnd(delta);
            ctx.Idx = ctx.Prev;
            if (ctx.Idx != 0)
            {
                ctx.Line = LineOf(msg, idx, ctx.Idx);
            }

            ctx.Resume = -1;
            return delta;
        }

        if (ctx.Comma < 0)
        {
            // First value of several: remove it up to the next one, which becomes the first.
            delta = b.Replace(ctx.Val, ctx.Resume - ctx.Val, default) ?? 0;
            idx[cur].Length += delta;
            msg.MoveEnd(delta);
            ctx.Resume = ctx.Val;
            ctx.ResumeComma = -1;
            return delta;
        }

        // A later value: remove from the comma before it; the search resumes at the same place.
        var removed = ctx.Val + ctx.VLen - ctx.Comma;
        delta = b.Replace(ctx.Comma, removed, default) ?? 0;
        idx[cur].Length += delta;
        msg.MoveEnd(delta);
        if (ctx.Resume >= 0)
        {
            ctx.Resume += delta;
            ctx.ResumeComma += delta;
        }

        return delta;
    }

    /// <summary>http_header_add_tail: appends <paramref name="line"/> (without CRLF) after the last header.</summary>
    /// <returns>False when the buffer or the header index is full.</returns>
    public static bool AddTail(Channel b, HttpMsg msg, HdrIdx idx, ReadOnlySpan<byte> line)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        Span<byte> tmp = stackalloc byte[line.Length + 2];
        line.CopyTo(tmp);
        tmp[line.Length] = (byte)'\r';
        tmp[line.Length + 1] = (byte)'\n';
        if (idx.Used >= idx.Size || b.Replace(msg.Eoh, 0, tmp) is not { } delta)
        {
            return false;
        }

        idx.Add(line.Length, true, idx.Tail);
        msg.MoveEnd(delta);
        return true;
    }

    /// <summary>capture_headers: the last occurrence of each captured header, truncated to its length.</summary>
    public static void Capture(ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx, List<Proxies.HeaderCapture> caps, byte[][] values, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        ArgumentNullException.ThrowIfNull(caps);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lengths);
        var line = FirstLine(msg, idx);
        for (var cur = idx.FirstIdx; cur != 0; cur = idx[cur].Next)
        {
            var len = idx[cur].Length;
            var text = data.Slice(line, len);
            var colon = text.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = text[..colon];
                for (var i = 0; i < caps.Count; i++)
                {
                    if (EqualsIgnoreCase(name, caps[i].NameBytes))
                    {
                        var v = colon + 1;
                        while (v < len && (text[v] == (byte)' ' || text[v] == (byte)'\t'))
                        {
                            v++;
                        }

                        var n = Math.Min(len - v, values[i].Length);
                        text.Slice(v, n).CopyTo(values[i]);
                        lengths[i] = n;
                    }
                }
            }

            line += idx[cur].LineSize;
        }
    }

    /// <summary>Case-insensitive ASCII comparison.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x != y && (x | 0x20) != (y | 0x20))
            {
                return false;
            }

            if (x != y && ((x | 0x20) < 'a' || (x | 0x20) > 'z'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Offset of header entry <paramref name="target"/> (walks from the first header).</summary>
    public static int LineOf(HttpMsg msg, HdrIdx idx, int target)
    {
        ArgumentNullException.ThrowIfNull(msg);
        ArgumentNullException.ThrowIfNull(idx);
        var line = FirstLine(msg, idx);
        for (var cur = idx.FirstIdx; cur != 0 && cur != target; cur = idx[cur].Next)
        {
            line += idx[cur].LineSize;
        }

        return line;
    }

    private static void SetValue(ReadOnlySpan<byte> data, ref HdrCtx ctx, int p, int lineEnd)
    {
        p = SkipLws(data, p, lineEnd);
        var e = p;
        var quoted = false;
        while (e < lineEnd && (quoted || data[e] != (byte)','))
        {
            if (data[e] == (byte)'"')
            {
                quoted = !quoted;
            }

            e++;
        }

        ctx.Resume = e < lineEnd ? NextValue(data, e, lineEnd) : -1;
        ctx.ResumeComma = e < lineEnd ? e : -1;
        while (e > p && (data[e - 1] == (byte)' ' || data[e - 1] == (byte)'\t'))
        {
            e--;
        }

        ctx.Val = p;
        ctx.VLen = e - p;
    }

    private static int NextValue(ReadOnlySpan<byte> data, int comma, int lineEnd) => SkipLws(data, comma + 1, lineEnd) is var n && n <= lineEnd ? n : -1;

    private static int SkipLws(ReadOnlySpan<byte> data, int p, int end)
    {
        while (p < end && (data[p] == (byte)' ' || data[p] == (byte)'\t'))
        {
            p++;
        }

        return p;
    }
}
