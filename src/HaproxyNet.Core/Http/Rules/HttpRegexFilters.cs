using System.Buffers;
using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Http.Rules;

/// <summary>
/// The <c>req*</c>/<c>rsp*</c> regex filters (1.4's <c>apply_filters_to_request</c>/<c>_response</c>,
/// <c>apply_filter_to_req_line</c>/<c>_sts_line</c>, <c>apply_filter_to_req_headers</c>/<c>_resp_headers</c>;
/// HTTP-MODE §6): each filter in order is tried on the start line, then, if it did not match there, on every header
/// line top to bottom.
/// </summary>
/// <remarks>
/// Lines are matched in place: each line is widened (Latin-1) into one pooled char buffer and tested with the
/// linear-time matcher, so a line that does not match allocates nothing. A <c>rep</c> that matches is expanded into a
/// pooled byte buffer; only one whose replacement refers to <c>\1</c>..<c>\9</c> allocates (captures need .NET's
/// <see cref="System.Text.RegularExpressions.Match"/>).
/// </remarks>
public static class HttpRegexFilters
{
    /// <summary>apply_filters_to_request: false when a start-line rewrite made the request line invalid (400).</summary>
    public static bool ApplyToRequest(Session s, Channel req, Proxy px)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(px);
        var txn = s.Txn!;
        var filters = px.ReqFilters;
        var evaluator = new SessionAclEvaluator(s, partial: false);
        for (var i = 0; i < filters.Count; i++)
        {
            if (txn.Has(HttpTxnFlags.ClientDeny | HttpTxnFlags.ClientTarpit))
            {
                break;
            }

            var exp = filters[i];
            if (txn.Has(HttpTxnFlags.ClientAllow) && exp.Action is RegexAction.Allow or RegexAction.Deny or RegexAction.Tarpit or RegexAction.Pass)
            {
                continue;
            }

            if (!HttpRules.Holds(exp.Condition, ref evaluator))
            {
                continue;
            }

            var ret = ApplyToReqLine(s, req, txn, exp);
            if (ret < 0)
            {
                return false;
            }

            if (ret == 0)
            {
                ApplyToHeaders(s, req, txn, txn.Req, txn.ReqIdx, exp, request: true);
            }
        }

        return true;
    }

    /// <summary>apply_filters_to_response: false when a status-line rewrite made the status line invalid (502).</summary>
    public static bool ApplyToResponse(Session s, Channel rep, Proxy px)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rep);
        ArgumentNullException.ThrowIfNull(px);
        var txn = s.Txn!;
        var filters = px.RspFilters;
        var evaluator = new SessionAclEvaluator(s, partial: false);
        for (var i = 0; i < filters.Count; i++)
        {
            if (txn.Has(HttpTxnFlags.ServerDeny))
            {
                break;
            }

            var exp = filters[i];
            if (txn.Has(HttpTxnFlags.ServerAllow) && exp.Action is RegexAction.Allow or RegexAction.Deny or RegexAction.Pass)
            {
                continue;
            }

            if (!HttpRules.Holds(exp.Condition, ref evaluator))
            {
                continue;
            }

            var ret = ApplyToStsLine(rep, txn, exp);
            if (ret < 0)
            {
                return false;
            }

            if (ret == 0)
            {
                ApplyToHeaders(s, rep, txn, txn.Rsp, txn.RspIdx, exp, request: false);
            }
        }

        return true;
    }

    /// <summary>apply_filter_to_req_line: 1 = matched (headers skipped), 0 = no match, -1 = invalid rewrite.</summary>
    private static int ApplyToReqLine(Session s, Channel req, HttpTxn txn, HttpRegexFilter exp)
    {
        if (txn.Has(HttpTxnFlags.ClientDeny | HttpTxnFlags.ClientTarpit))
        {
            return 1;
        }

        if ((txn.Has(HttpTxnFlags.ClientAllow) && exp.Action is RegexAction.Allow or RegexAction.Deny or RegexAction.Tarpit)
            || exp.Action == RegexAction.Delete)
        {
            return 0;
        }

        var msg = txn.Req;
        var start = msg.Som;
        var len = msg.Rq.Length;
        if (!Matches(req.GetDataSpan().Slice(start, len), exp.Regex))
        {
            return 0;
        }

        switch (exp.Action)
        {
            case RegexAction.SetBackend:
                if (s.Be != s.Fe || exp.Backend is null)
                {
                    return 0; // 1.4: "done" stays 0, the headers are tried
                }

                SetBackend(s, exp.Backend);
                return 1;
            case RegexAction.Allow:
                txn.Flags |= HttpTxnFlags.ClientAllow;
                return 1;
            case RegexAction.Deny:
                txn.Flags |= HttpTxnFlags.ClientDeny;
                return 1;
            case RegexAction.Tarpit:
                txn.Flags |= HttpTxnFlags.ClientTarpit;
                return 1;
            case RegexAction.Replace:
                var delta = Replace(req, start, len, exp);
                msg.MoveEnd(delta);
                return ReparseRequestLine(req.GetDataSpan(), msg, txn) ? 1 : -1;
            default:
                return 0;
        }
    }

    /// <summary>apply_filter_to_sts_line: 1 = matched, 0 = no match, -1 = invalid rewrite.</summary>
    private static int ApplyToStsLine(Channel rep, HttpTxn txn, HttpRegexFilter exp)
    {
        if (txn.Has(HttpTxnFlags.ServerDeny))
        {
            return 1;
        }

        if ((txn.Has(HttpTxnFlags.ServerAllow) && exp.Action is RegexAction.Allow or RegexAction.Deny)
            || exp.Action == RegexAction.Delete)
        {
            return 0;
        }

        var msg = txn.Rsp;
        var start = msg.Som;
        var len = msg.St.Length;
        if (!Matches(rep.GetDataSpan().Slice(start, len), exp.Regex))
        {
            return 0;
        }

        switch (exp.Action)
        {
            case RegexAction.Allow:
                txn.Flags |= HttpTxnFlags.ServerAllow;
                return 1;
            case RegexAction.Deny:
                txn.Flags |= HttpTxnFlags.ServerDeny;
                return 1;
            case RegexAction.Replace:
                var delta = Replace(rep, start, len, exp);
                msg.MoveEnd(delta);
                return ReparseStatusLine(rep.GetDataSpan(), msg, txn) ? 1 : -1;
            default:
                return 0;
        }
    }

    /// <summary>apply_filter_to_req_headers / apply_filter_to_resp_headers.</summary>
    private static void ApplyToHeaders(Session s, Channel b, HttpTxn txn, HttpMsg msg, HdrIdx idx, HttpRegexFilter exp, bool request)
    {
        var deny = request ? HttpTxnFlags.ClientDeny | HttpTxnFlags.ClientTarpit : HttpTxnFlags.ServerDeny;
        var allow = request ? HttpTxnFlags.ClientAllow : HttpTxnFlags.ServerAllow;
        var line = HttpHeaderOps.FirstLine(msg, idx);
        var old = 0;
        var last = false;
        while (!last)
        {
            if (txn.Has(deny))
            {
                return;
            }

            if (txn.Has(allow) && exp.Action is RegexAction.Allow or RegexAction.Deny or RegexAction.Tarpit)
            {
                return;
            }

            var cur = idx[old].Next;
            if (cur == 0)
            {
                break;
            }

            var len = idx[cur].Length;
            var next = line + idx[cur].LineSize;
            if (Matches(b.GetDataSpan().Slice(line, len), exp.Regex))
            {
                switch (exp.Action)
                {
                    case RegexAction.SetBackend:
                        if (request && s.Be == s.Fe && exp.Backend is not null)
                        {
                            SetBackend(s, exp.Backend);
                            last = true;
                        }

                        break;
                    case RegexAction.Allow:
                        txn.Flags |= allow;
                        last = true;
                        break;
                    case RegexAction.Deny:
                        txn.Flags |= request ? HttpTxnFlags.ClientDeny : HttpTxnFlags.ServerDeny;
                        last = true;
                        break;
                    case RegexAction.Tarpit:
                        if (request)
                        {
                            txn.Flags |= HttpTxnFlags.ClientTarpit;
                            last = true;
                        }

                        break;
                    case RegexAction.Replace:
                        {
                            var delta = Replace(b, line, len, exp);
                            next += delta;
                            idx[cur].Length += delta;
                            msg.MoveEnd(delta);
                            break;
                        }

                    case RegexAction.Delete:
                        {
                            var delta = b.Replace(line, next - line, default) ?? 0;
                            next += delta;
                            msg.MoveEnd(delta);
                            idx.Remove(old, cur);
                            cur = old;
                            break;
                        }
                }
            }

            old = cur;
            line = next;
        }
    }

    /// <summary>regexec on one line, widened into a pooled buffer (no allocation when it does not match).</summary>
    private static bool Matches(ReadOnlySpan<byte> line, PosixRegex regex)
    {
        // regexec sees a C string: a NUL byte ends the line.
        var nul = line.IndexOf((byte)0);
        if (nul >= 0)
        {
            line = line[..nul];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, line.Length));
        try
        {
            var n = Encoding.Latin1.GetChars(line, chars);
            return regex.IsMatch(chars.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// exp_replace + buffer_replace2 on one line; returns the size change (0 when it does not fit). The line is
    /// widened into a pooled char buffer and expanded into a pooled byte buffer: nothing is allocated unless the
    /// replacement refers to a capture group (see <see cref="PosixRegex.TryReplace(ReadOnlySpan{char}, PosixReplacement, Span{byte}, out int)"/>).
    /// </summary>
    private static int Replace(Channel b, int at, int len, HttpRegexFilter exp)
    {
        if (exp.Replacement is null)
        {
            return 0;
        }

        var line = b.GetDataSpan().Slice(at, len);
        var nul = line.IndexOf((byte)0);
        if (nul >= 0)
        {
            line = line[..nul];
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, line.Length));
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, exp.Replacement.MaxExpandedLength(line.Length)));
        try
        {
            var n = Encoding.Latin1.GetChars(line, chars);
            if (!exp.Regex.TryReplace(chars.AsSpan(0, n), exp.Replacement, bytes, out var written) || written < 0)
            {
                return 0;
            }

            return b.Replace(at, len, bytes.AsSpan(0, written)) ?? 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// http_parse_reqline from the method, on the rewritten line (ending at its CR or LF): method, URI and version
    /// offsets, the method, the index's start line. False when the line is not a valid request line.
    /// </summary>
    internal static bool ReparseRequestLine(ReadOnlySpan<byte> data, HttpMsg msg, HttpTxn txn)
    {
        var p = msg.Som;
        var end = p;
        while (end < data.Length && data[end] != (byte)'\r' && data[end] != (byte)'\n')
        {
            end++;
        }

        if (end >= data.Length)
        {
            return false;
        }

        while (p < end && IsToken(data[p]))
        {
            p++;
        }

        if (p == msg.Som || (p < end && data[p] != (byte)' '))
        {
            return false;
        }

        var rq = default(RequestLine);
        rq.MethodLength = p - msg.Som;
        while (p < end && data[p] == (byte)' ')
        {
            p++;
        }

        rq.Uri = p;
        while (p < end && data[p] > 0x20 && data[p] != 0x7F)
        {
            p++;
        }

        if (p < end && data[p] != (byte)' ')
        {
            return false;
        }

        rq.UriLength = p - rq.Uri;
        while (p < end && data[p] == (byte)' ')
        {
            p++;
        }

        rq.Version = p;
        while (p < end && IsVerToken(data[p]))
        {
            p++;
        }

        if (p != end)
        {
            return false;
        }

        rq.VersionLength = p - rq.Version;
        rq.Length = end - msg.Som;
        msg.Rq = rq;
        txn.Meth = HttpMethods.Find(data, msg);
        txn.ReqIdx.SetStart(rq.Length, data[end] == (byte)'\r');
        return true;
    }

    /// <summary>http_parse_stsline on the rewritten status line; the status is read again from it.</summary>
    internal static bool ReparseStatusLine(ReadOnlySpan<byte> data, HttpMsg msg, HttpTxn txn)
    {
        var p = msg.Som;
        var end = p;
        while (end < data.Length && data[end] != (byte)'\r' && data[end] != (byte)'\n')
        {
            end++;
        }

        if (end >= data.Length)
        {
            return false;
        }

        var st = default(StatusLine);
        while (p < end && IsVerToken(data[p]))
        {
            p++;
        }

        if (p == msg.Som || p == end || data[p] != (byte)' ')
        {
            return false;
        }

        st.VersionLength = p - msg.Som;
        while (p < end && data[p] == (byte)' ')
        {
            p++;
        }

        st.Code = p;
        while (p < end && data[p] != (byte)' ')
        {
            p++;
        }

        st.CodeLength = p - st.Code;
        while (p < end && data[p] == (byte)' ')
        {
            p++;
        }

        st.Reason = p;
        st.ReasonLength = end - p;
        st.Length = end - msg.Som;
        msg.St = st;
        var status = 0;
        for (var i = st.Code; i < st.Code + st.CodeLength && data[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            status = (status * 10) + (data[i] - '0');
        }

        txn.Status = status;
        txn.RspIdx.SetStart(st.Length, data[end] == (byte)'\r');
        return true;
    }

    private static bool IsToken(byte c) =>
        c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={} \t"u8.IndexOf(c) < 0;

    private static bool IsVerToken(byte c) =>
        c is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'/' or (byte)'.';

    /// <summary>reqsetbe: session_set_backend (only while no backend was switched to).</summary>
    private static void SetBackend(Session s, Proxy be)
    {
        SessionServer.SessionSetBackend(s, be);
        HttpAnalysers.SetBackend(s, be);
    }
}
