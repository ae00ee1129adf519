using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Http;
using HaproxyNet.Core.Http.Parsing;

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

        if (name is "status")
        {
            return txn.Rsp.State >= HttpMsgState.Body && txn.Status > 0
                ? AclMatcher.MatchAny(expression, txn.Status)
                : AclMatchResult.Fail;
        }

        var msg = txn.Req;
        if (msg.State < HttpMsgState.Body || msg.State == HttpMsgState.Error)
        {
            return AclMatchResult.Fail;
        }

        var data = s.Req.GetDataSpan();
        switch (name)
        {
            case "method":
                return AclMatcher.MatchAnyMethod(expression, (AclHttpMethod)(int)txn.Meth, data.Slice(msg.Som, msg.Rq.MethodLength));
            case "req_ver":
                return msg.Rq.VersionLength >= 5
                    ? AclMatcher.MatchAny(expression, data.Slice(msg.Rq.Version + 5, msg.Rq.VersionLength - 5))
                    : AclMatchResult.Fail;
            case "url":
            case "url_beg":
            case "url_end":
            case "url_sub":
            case "url_dir":
            case "url_dom":
            case "url_reg":
            case "url_len":
                return AclMatcher.MatchAny(expression, data.Slice(msg.Rq.Uri, msg.Rq.UriLength));
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
                if (name.StartsWith("hdr", StringComparison.Ordinal) && expression.Argument is { Length: > 0 } hdr)
                {
                    return MatchHeader(expression, name, hdr, data, msg, txn.ReqIdx);
                }

                return AclMatchResult.Fail;
        }
    }

    /// <summary>hdr(name) criteria: every comma-separated value is a candidate; hdr_cnt counts them.</summary>
    private static AclMatchResult MatchHeader(AclDefinition expression, string criterion, string header, ReadOnlySpan<byte> data, HttpMsg msg, HdrIdx idx)
    {
        Span<byte> name = stackalloc byte[Math.Min(header.Length, 256)];
        for (var i = 0; i < name.Length; i++)
        {
            name[i] = (byte)header[i];
        }

        var ctx = default(HdrCtx);
        if (criterion == "hdr_cnt")
        {
            var n = 0;
            while (HttpHeaderOps.Find(data, msg, idx, name, ref ctx))
            {
                n++;
            }

            return AclMatcher.MatchAny(expression, n);
        }

        if (criterion is "hdr_val" or "hdr_ip")
        {
            return AclMatchResult.Fail;
        }

        while (HttpHeaderOps.Find(data, msg, idx, name, ref ctx))
        {
            if (AclMatcher.MatchAny(expression, data.Slice(ctx.Val, ctx.VLen)) == AclMatchResult.Pass)
            {
                return AclMatchResult.Pass;
            }
        }

        return AclMatchResult.Fail;
    }

    /// <summary>http_get_path: the path of a URI (absolute URIs lose scheme and host), without the query string.</summary>
    private static bool Path(ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> path)
    {
        path = default;
        var p = 0;
        if (uri.IsEmpty)
        {
            return false;
        }

        if (uri[0] != (byte)'/')
        {
            var scheme = uri.IndexOf("://"u8);
            if (scheme < 0)
            {
                return false;
            }

            var slash = uri[(scheme + 3)..].IndexOf((byte)'/');
            if (slash < 0)
            {
                return false;
            }

            p = scheme + 3 + slash;
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
