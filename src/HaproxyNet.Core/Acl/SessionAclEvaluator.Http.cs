using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Http;
using HaproxyNet.Core.Http.Parsing;
using HaproxyNet.Core.Http.Rules;

namespace HaproxyNet.Core.Acl;

/// <summary>The layer-7 fetches of src/proto_http.c on the session's HTTP transaction.</summary>
public readonly partial struct SessionAclEvaluator
{
    [ThreadStatic]
    private static HttpMsg? _probeMsg;

    [ThreadStatic]
    private static HdrIdx? _probeIdx;

    private AclMatchResult EvaluateHttp(AclDefinition expression)
    {
        var s = _session;
        var name = expression.Criterion.Name;
        if (name == "req_proto_http")
        {
            return ProtoHttp();
        }

        var txn = s.Txn;
        if (txn is null)
        {
            return AclMatchResult.Fail;
        }

        switch (name)
        {
            case "status":
                return txn.Rsp.State >= HttpMsgState.Body && txn.Rsp.State != HttpMsgState.Error && txn.Status > 0
                    ? AclMatcher.MatchAny(expression, txn.Status)
                    : AclMatchResult.Fail;
            case "resp_ver":
                {
                    var rsp = txn.Rsp;
                    if (rsp.State < HttpMsgState.Body || rsp.State == HttpMsgState.Error || rsp.St.VersionLength < 5)
                    {
                        return AclMatchResult.Fail;
                    }

                    return AclMatcher.MatchAny(expression, s.Rep.GetDataSpan().Slice(rsp.Som + 5, rsp.St.VersionLength - 5));
                }

            case "http_first_req":
                return txn.Has(HttpTxnFlags.NotFirst) ? AclMatchResult.Fail : AclMatchResult.Pass;
        }

        if (name.StartsWith("shdr", StringComparison.Ordinal))
        {
            var rsp = txn.Rsp;
            return rsp.State >= HttpMsgState.Body && rsp.State != HttpMsgState.Error
                ? MatchHeader(expression, name.AsSpan(1), expression.Argument, s.Rep.GetDataSpan(), rsp, txn.RspIdx)
                : AclMatchResult.Fail;
        }

        var msg = txn.Req;
        if (msg.State < HttpMsgState.Body || msg.State == HttpMsgState.Error)
        {
            return AclMatchResult.Fail;
        }

        var data = s.Req.GetDataSpan();

        // Once forwarded, the request's bytes have left the buffer (1.4 still reads them where they were): method and
        // version are then taken from the transaction, the other request fetches fail.
        var gone = msg.Som < 0 || msg.Eoh > data.Length;
        switch (name)
        {
            case "method":
                return AclMatcher.MatchAnyMethod(expression, (AclHttpMethod)(int)txn.Meth, gone ? default : data.Slice(msg.Som, msg.Rq.MethodLength));
            case "req_ver":
                if (gone)
                {
                    return AclMatcher.MatchAny(expression, txn.Has(HttpTxnFlags.ReqVer11) ? "1.1"u8 : "1.0"u8);
                }

                return msg.Rq.VersionLength >= 5
                    ? AclMatcher.MatchAny(expression, data.Slice(msg.Rq.Version + 5, msg.Rq.VersionLength - 5))
                    : AclMatchResult.Fail;
            case "http_auth":
            case "http_auth_group":
                return gone ? AclMatchResult.Fail : MatchAuth(expression, name.Length > 9, data, txn);
        }

        // The URI and request header fetches refuse to run once the response is being parsed (1.4 shares one
        // header index between both directions): in response rules they never match.
        if (txn.Rsp.State != HttpMsgState.RpBefore || gone)
        {
            return AclMatchResult.Fail;
        }

        switch (name)
        {
            case "url":
            case "url_beg":
            case "url_end":
            case "url_sub":
            case "url_dir":
            case "url_dom":
            case "url_reg":
            case "url_len":
                return AclMatcher.MatchAny(expression, data.Slice(msg.Rq.Uri, msg.Rq.UriLength));
            case "url_ip":
                UrlToAddress(data.Slice(msg.Rq.Uri, msg.Rq.UriLength), out var ip, out _);
                return AclMatcher.MatchAnyIpv4(expression, ip);
            case "url_port":
                UrlToAddress(data.Slice(msg.Rq.Uri, msg.Rq.UriLength), out _, out var port);
                return AclMatcher.MatchAny(expression, port);
            case "path":
            case "path_beg":
            case "path_end":
            case "path_sub":
            case "path_dir":
            case "path_dom":
            case "path_reg":
            case "path_len":
                return Path(data.Slice(msg.Rq.Uri, msg.Rq.UriLength), out var path)
                    ? AclMatcher.MatchAny(expression, path)
                    : AclMatchResult.Fail;
            default:
                if (name.StartsWith("hdr", StringComparison.Ordinal))
                {
                    return MatchHeader(expression, name, expression.Argument, data, msg, txn.ReqIdx);
                }

                return AclMatchResult.Fail;
        }
    }

    /// <summary>http_auth / http_auth_group: Basic credentials valid in the userlist (and in one of the pattern's groups).</summary>
    private AclMatchResult MatchAuth(AclDefinition expression, bool groups, ReadOnlySpan<byte> data, HttpTxn txn)
    {
        var loop = _session.Loop;
        if (expression.Argument is not { } listName || !loop.UserLists.TryGetValue(listName, out var list))
        {
            return AclMatchResult.Fail;
        }

        Span<byte> scratch = stackalloc byte[1024];
        if (!HttpAuth.TryGetBasic(data, txn, scratch, out var userLen, out var passStart, out var passLen))
        {
            return AclMatchResult.Fail;
        }

        var user = scratch[..userLen];
        var pass = scratch.Slice(passStart, passLen);
        if (!groups)
        {
            return list.Check(0, user, pass, loop.PasswordCrypt) ? AclMatchResult.Pass : AclMatchResult.Fail;
        }

        var patterns = expression.Patterns;
        for (var i = 0; i < patterns.Count; i++)
        {
            var mask = list.GroupMask(patterns[i].Text);
            if (mask != 0 && list.Check(mask, user, pass, loop.PasswordCrypt))
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>
    /// hdr(name) criteria (and shdr, passed without its 's'): every comma-separated value of the named header (of
    /// every header without a name) is a candidate; hdr_cnt counts them, hdr_val reads a leading integer, hdr_ip
    /// a leading IPv4 address (0.0.0.0 when there is none).
    /// </summary>
    private static AclMatchResult MatchHeader(AclDefinition expression, ReadOnlySpan<char> criterion, string? header, ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx)
    {
        Span<byte> name = stackalloc byte[Math.Min(header?.Length ?? 0, 256)];
        for (var i = 0; i < name.Length; i++)
        {
            name[i] = (byte)header![i];
        }

        var ctx = default(HdrCtx);
        var cursor = new HeaderValues(idx, msg);
        var n = 0;
        var count = criterion.SequenceEqual("hdr_cnt");
        var isVal = criterion.SequenceEqual("hdr_val");
        var isIp = criterion.SequenceEqual("hdr_ip");
        while (name.IsEmpty ? cursor.Next(data) : HttpHeaderOps.Find(data, msg, idx, name, ref ctx))
        {
            var value = name.IsEmpty ? data.Slice(cursor.Val, cursor.VLen) : data.Slice(ctx.Val, ctx.VLen);
            if (count)
            {
                n++;
                continue;
            }

            AclMatchResult r;
            if (isVal)
            {
                r = AclMatcher.MatchAny(expression, LeadingInteger(value));
            }
            else if (isIp)
            {
                Url2Ip(value, out var ip);
                r = AclMatcher.MatchAnyIpv4(expression, ip);
            }
            else
            {
                r = AclMatcher.MatchAny(expression, value);
            }

            if (r == AclMatchResult.Pass)
            {
                return AclMatchResult.Pass;
            }
        }

        return count ? AclMatcher.MatchAny(expression, n) : AclMatchResult.Fail;
    }

    /// <summary>strl2ic: an optional '-' then digits, up to the first other byte.</summary>
    private static long LeadingInteger(ReadOnlySpan<byte> v)
    {
        var neg = false;
        var i = 0;
        if (!v.IsEmpty && v[0] == (byte)'-')
        {
            neg = true;
            i++;
        }

        long n = 0;
        for (; i < v.Length && v[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            n = unchecked((n * 10) + (v[i] - '0'));
        }

        return neg ? -n : n;
    }

    /// <summary>url2ip: a dotted quad at the start of <paramref name="s"/>; returns the bytes used, 0 when there is none.</summary>
    internal static int Url2Ip(ReadOnlySpan<byte> s, out uint address)
    {
        address = 0;
        Span<int> tmp = stackalloc int[4];
        var octets = 0;
        var sawDigit = false;
        var t = 0;
        var i = 0;
        while (i < s.Length)
        {
            var ch = s[i++];
            var digit = (uint)(ch - '0');
            if (digit > 9 && ch != (byte)'.')
            {
                i--;
                break;
            }

            if (digit <= 9)
            {
                var v = (tmp[t] * 10) + (int)digit;
                if (v > 255)
                {
                    return 0;
                }

                tmp[t] = v;
                if (!sawDigit)
                {
                    if (++octets > 4)
                    {
                        return 0;
                    }

                    sawDigit = true;
                }
            }
            else if (sawDigit)
            {
                if (octets == 4)
                {
                    return 0;
                }

                t++;
                sawDigit = false;
            }
            else
            {
                return 0;
            }
        }

        if (octets < 4)
        {
            return 0;
        }

        address = (uint)((tmp[0] << 24) | (tmp[1] << 16) | (tmp[2] << 8) | tmp[3]);
        return i;
    }

    /// <summary>url2sa: the IPv4 address and port of an absolute <c>http://a.b.c.d[:port]</c> URI; 0.0.0.0 and 0 otherwise.</summary>
    internal static void UrlToAddress(ReadOnlySpan<byte> url, out uint address, out int port)
    {
        address = 0;
        port = 0;
        var code = 0u;
        var cur = 0;
        while (cur < url.Length && code != 0x3a2f2f)
        {
            code = (code & 0xffff) << 8;
            code += url[cur++];
        }

        if (code != 0x3a2f2f)
        {
            return;
        }

        uint http = 0;
        for (var cp = 0; cp < cur - 3; cp++)
        {
            http = unchecked((http << 8) + url[cp]);
        }

        if ((http | 0x20202020) != 0x68747470)
        {
            return;
        }

        var used = Url2Ip(url[cur..], out var ip);
        if (used == 0)
        {
            return;
        }

        address = ip;
        cur += used;
        if (cur < url.Length && url[cur] == (byte)':')
        {
            cur++;
            var p = 0;
            while (cur < url.Length && url[cur] is >= (byte)'0' and <= (byte)'9')
            {
                p = unchecked((p * 10) + (url[cur++] - '0'));
            }

            port = p & 0xFFFF;
        }
        else
        {
            port = 80;
        }
    }

    /// <summary>Every comma-separated value of every header line (hdr criteria without a name).</summary>
    private ref struct HeaderValues
    {
        private readonly HdrIdx _idx;
        private int _cur;
        private int _line;
        private int _lineEnd;
        private int _p;

        public HeaderValues(HdrIdx idx, HttpMsg msg)
        {
            _idx = idx;
            _cur = 0;
            _line = HttpHeaderOps.FirstLine(msg, idx);
            _lineEnd = -1;
            _p = -1;
            Val = 0;
            VLen = 0;
        }

        public int Val;

        public int VLen;

        public bool Next(ReadOnlySpan<byte> data)
        {
            while (true)
            {
                if (_p < 0 || _p > _lineEnd)
                {
                    var next = _cur == 0 ? _idx.FirstIdx : _idx[_cur].Next;
                    if (_cur != 0)
                    {
                        _line += _idx[_cur].LineSize;
                    }

                    if (next == 0)
                    {
                        return false;
                    }

                    _cur = next;
                    _lineEnd = _line + _idx[_cur].Length;
                    var colon = data[_line.._lineEnd].IndexOf((byte)':');
                    if (colon < 0)
                    {
                        _p = -1;
                        continue;
                    }

                    _p = _line + colon + 1;
                }

                var p = _p;
                while (p < _lineEnd && data[p] is (byte)' ' or (byte)'\t')
                {
                    p++;
                }

                var e = p;
                var quoted = false;
                while (e < _lineEnd && (quoted || data[e] != (byte)','))
                {
                    if (data[e] == (byte)'"')
                    {
                        quoted = !quoted;
                    }

                    e++;
                }

                _p = e + 1;
                var end = e;
                while (end > p && data[end - 1] is (byte)' ' or (byte)'\t')
                {
                    end--;
                }

                Val = p;
                VLen = end - p;
                return true;
            }
        }
    }

    /// <summary>http_get_path: the path of a URI (absolute URIs lose scheme and host), without the query string.</summary>
    private static bool Path(ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> path)
    {
        path = default;
        var p = HttpRules.PathOffset(uri);
        if (p < 0)
        {
            return false;
        }

        var rest = uri[p..];
        var q = rest.IndexOf((byte)'?');
        path = q < 0 ? rest : rest[..q];
        return true;
    }

    /// <summary>req_proto_http: complete, valid HTTP request headers are in the buffer (MISS while they may still come).</summary>
    private AclMatchResult ProtoHttp()
    {
        var s = _session;
        if (s.Txn is { } txn && txn.Req.State >= HttpMsgState.Body && txn.Req.State != HttpMsgState.Error)
        {
            return AclMatchResult.Pass;
        }

        var msg = _probeMsg ??= new HttpMsg();
        var idx = _probeIdx ??= new HdrIdx();
        msg.ResetRequest(s.Req.SendMax, acceptInvalid: false);
        var data = s.Req.GetDataSpan();
        var limit = s.Req.Size - s.Loop.Global.MaxRewrite;
        var full = data.Length >= limit;
        if (data.Length > limit)
        {
            data = data[..limit];
        }

        // The probe must not fold lines in the real buffer: parse a copy.
        var copy = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, data.Length));
        try
        {
            data.CopyTo(copy);
            var state = HttpMsgAnalyzer.Analyze(copy.AsSpan(0, data.Length), msg, idx);
            if (state >= HttpMsgState.Body)
            {
                return AclMatchResult.Pass;
            }

            return state == HttpMsgState.Error || full ? AclMatchResult.Fail : MayChange(AclMatchResult.Fail);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(copy);
        }
    }
}
