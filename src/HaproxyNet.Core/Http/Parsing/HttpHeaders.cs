namespace HaproxyNet.Core.Http.Parsing;

/// <summary>Header lookups over the index, allocation-free (1.4's <c>http_find_header2</c> and friends).</summary>
public static class HttpHeaders
{
    /// <summary>
    /// Finds the next value of header <paramref name="name"/> (1.4's <c>http_find_header2</c>): the name matches
    /// case-insensitively and must be followed directly by <c>:</c>; leading LWS is skipped; each comma-separated
    /// value (commas inside double quotes excepted) is a separate match.
    /// </summary>
    /// <param name="name">Header name without the colon.</param>
    /// <param name="data">The message data.</param>
    /// <param name="som">Offset of the start line (<see cref="HttpMsg.Som"/>).</param>
    /// <param name="idx">The header index.</param>
    /// <param name="ctx">Iteration state; <c>default</c> to start.</param>
    /// <returns>True with <paramref name="ctx"/> on the value, false when no more values.</returns>
    public static bool FindHeader2(ReadOnlySpan<byte> name, ReadOnlySpan<byte> data, int som, HdrIdx idx, ref HttpHeaderContext ctx)
    {
        int sol, eol, sov, cur;
        cur = ctx.Idx;
        if (cur != 0)
        {
            // a value was returned before: look for another one on the same line
            sol = ctx.Line;
            ctx.Del = ctx.Val + ctx.VLen + ctx.Tws;
            sov = sol + ctx.Del;
            eol = sol + idx[cur].Length;
            if (sov < eol)
            {
                sov++; // skip the comma
                while (sov < eol && HttpCharClass.IsLws(data[sov]))
                {
                    sov++;
                }

                return ReturnValue(data, ref ctx, cur, sol, sov, eol);
            }

            // no more values on this line
            sol = eol + (idx[cur].Cr ? 2 : 1);
            ctx.Prev = cur;
            cur = idx[cur].Next;
        }
        else
        {
            sol = som + idx.FirstPos;
            ctx.Prev = 0;
            cur = idx.FirstIdx;
        }

        var len = name.Length;
        while (cur != 0)
        {
            eol = sol + idx[cur].Length;
            if (len < eol - sol && data[sol + len] == ':' && data.Slice(sol, len).EqualsIgnoreCaseAscii(name))
            {
                ctx.Del = len;
                sov = sol + len + 1;
                while (sov < eol && HttpCharClass.IsLws(data[sov]))
                {
                    sov++;
                }

                ctx.Line = sol;
                return ReturnValue(data, ref ctx, cur, sol, sov, eol);
            }

            sol = eol + (idx[cur].Cr ? 2 : 1);
            ctx.Prev = cur;
            cur = idx[cur].Next;
        }

        ctx.Idx = 0;
        return false;
    }

    private static bool ReturnValue(ReadOnlySpan<byte> data, ref HttpHeaderContext ctx, int cur, int sol, int sov, int eol)
    {
        ctx.Idx = cur;
        ctx.Val = sov - sol;
        eol = FindHdrValueEnd(data, sov, eol);
        ctx.Tws = 0;
        while (eol > sov && HttpCharClass.IsLws(data[eol - 1]))
        {
            eol--;
            ctx.Tws++;
        }

        ctx.VLen = eol - sov;
        return true;
    }

    /// <summary>
    /// End of the value starting at <paramref name="s"/>: the first comma outside double quotes, or
    /// <paramref name="e"/> (1.4's <c>find_hdr_value_end</c>). Backslash pairs are skipped inside quotes. Not
    /// observable in 1.4.25's own uses (Content-Length, Transfer-Encoding), so not verified against it.
    /// </summary>
    public static int FindHdrValueEnd(ReadOnlySpan<byte> data, int s, int e)
    {
        bool quoted = false, qdpair = false;
        for (; s < e; s++)
        {
            var c = data[s];
            if (qdpair)
            {
                qdpair = false;
            }
            else if (quoted)
            {
                if (c == '\\')
                {
                    qdpair = true;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                return s;
            }
        }

        return s;
    }

    /// <summary>Case-insensitive ASCII comparison helper for callers checking a found value.</summary>
    public static bool ValueEquals(ReadOnlySpan<byte> data, in HttpHeaderContext ctx, ReadOnlySpan<byte> value)
        => ctx.VLen == value.Length && data.Slice(ctx.ValueStart, ctx.VLen).EqualsIgnoreCaseAscii(value);
}

/// <summary>ASCII helpers on byte spans.</summary>
internal static class AsciiSpanExtensions
{
    public static bool EqualsIgnoreCaseAscii(this ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        => System.Text.Ascii.EqualsIgnoreCase(a, b);
}
