using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary><c>balance &lt;algorithm&gt; [args]</c> (<c>backend.c backend_parse_balance</c>).</summary>
    private static ErrorCode ParseBalance(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        var msg = ParseBalanceArgs(a, p);
        return msg is null ? err : err | s.Alert($"{s.At}{msg}\n");
    }

    private static string? ParseBalanceArgs(LexedLine a, ProxyBuilder p)
    {
        var algo = a[1];
        switch (algo)
        {
            case "" or "roundrobin":
                p.Balance = BalanceAlgorithm.RoundRobin;
                return null;
            case "static-rr":
                p.Balance = BalanceAlgorithm.StaticRoundRobin;
                return null;
            case "leastconn":
                p.Balance = BalanceAlgorithm.LeastConn;
                return null;
            case "source":
                p.Balance = BalanceAlgorithm.Source;
                return null;
            case "uri":
                p.Balance = BalanceAlgorithm.Uri;
                for (var i = 2; a[i].Length > 0;)
                {
                    if (a[i] is "len" or "depth")
                    {
                        if (a[i + 1].Length == 0 || IntegerGrammar.ParseInt(a[i + 1]) <= 0)
                        {
                            return $"'balance uri {a[i]}' expects a positive integer (got '{a[i + 1]}').";
                        }

                        _ = a[i] == "len" ? p.UriLengthLimit = IntegerGrammar.ParseInt(a[i + 1]) : p.UriDepthLimit = IntegerGrammar.ParseInt(a[i + 1]);

                        i += 2;
                    }
                    else if (a[i] == "whole")
                    {
                        p.UriWhole = true;
                        i++;
                    }
                    else
                    {
                        return $"'balance uri' only accepts parameters 'len', 'depth', and 'while' (got '{a[i]}').";
                    }
                }

                return null;
            case "url_param":
                if (a[2].Length == 0)
                {
                    return "'balance url_param' requires an URL parameter name.";
                }

                p.Balance = BalanceAlgorithm.UrlParam;
                p.BalanceParameter = a[2];
                if (a[3].Length > 0 && a[3] != "check_post")
                {
                    return "'balance url_param' only accepts check_post modifier.";
                }

                p.UrlParamPostLimit = a[3].Length == 0 ? 0 : a[4].Length > 0 ? IntegerGrammar.ParseUnsigned(a[4]) : 48;

                return null;
        }

        if (algo.StartsWith("hdr(", StringComparison.Ordinal))
        {
            var close = algo.IndexOf(')', 4);
            if (close <= 4)
            {
                return "'balance hdr(name)' requires an http header field name.";
            }

            p.Balance = BalanceAlgorithm.Header;
            p.BalanceParameter = algo[4..close];
            if (a[2].Length > 0 && a[2] != "use_domain_only")
            {
                return "'balance hdr(name)' only accepts 'use_domain_only' modifier.";
            }

            p.HeaderUseDomainOnly = a[2].Length > 0;

            return null;
        }

        if (algo.StartsWith("rdp-cookie", StringComparison.Ordinal))
        {
            p.Balance = BalanceAlgorithm.RdpCookie;
            var rest = algo[10..];
            if (rest.Length == 0)
            {
                p.BalanceParameter = "mstshash";
                return null;
            }

            var close = rest.IndexOf(')', StringComparison.Ordinal);
            if (rest[0] != '(' || close <= 1)
            {
                return "'balance rdp-cookie(name)' requires an rdp cookie name.";
            }

            p.BalanceParameter = rest[1..close];
            return null;
        }

        return "'balance' only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.";
    }
}
