using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>Parses one server option at <paramref name="i"/>; returns how many words it used, 0 to stop the line.</summary>
    private static int ParseServerOption(ParseState s, LexedLine a, ProxyBuilder p, ServerBuilder srv, bool isDefault, int i, out ErrorCode err)
    {
        err = ErrorCode.None;
        var w = a[i];
        var v = a[i + 1];
        switch (w)
        {
            case "id" when !isDefault:
                if (v.Length == 0)
                {
                    err = s.Alert($"{s.AtNoSpace}'{w}' expects an integer argument.\n");
                    return 0;
                }

                srv.Id = IntegerGrammar.ParseInt(v);
                if (srv.Id <= 0)
                {
                    err = s.Alert($"{s.AtNoSpace}custom id has to be > 0.\n");
                    return 0;
                }

                var target = p.Servers.FirstOrDefault(o => o != srv && o.Id == srv.Id);
                if (target is not null)
                {
                    err = s.Alert($"{s.AtNoSpace}server {srv.Name} reuses same custom id as server {target.Name} (declared at {target.Span}).\n");
                    return 0;
                }

                return 2;
            case "cookie" when !isDefault:
                srv.Cookie = v;
                return 2;
            case "redir" when !isDefault:
                srv.Redir = v;
                return 2;
            case "rise" or "fall":
                if (v.Length == 0)
                {
                    err = s.Alert($"{s.AtNoSpace}'{w}' expects an integer argument.\n");
                    return 0;
                }

                var n = IntegerGrammar.ParseInt(v);
                if (n <= 0)
                {
                    err = s.Alert($"{s.AtNoSpace}'{w}' has to be > 0.\n");
                    return 0;
                }

                if (w == "rise")
                {
                    srv.Rise = n;
                }
                else
                {
                    srv.Fall = n;
                }

                return 2;
            case "inter" or "fastinter" or "downinter":
                var t = TimeGrammar.ParseTime(v, TimeUnit.Milliseconds);
                if (!t.Ok)
                {
                    err = s.Alert(w == "inter"
                        ? $"{s.At}unexpected character '{t.BadChar}' in 'inter' argument of server {srv.Name}.\n"
                        : $"{s.AtNoSpace}unexpected character '{t.BadChar}' in '{w}' argument of server {srv.Name}.\n");
                    return 0;
                }

                var ms = unchecked((int)t.Value);
                if (ms <= 0)
                {
                    err = s.Alert($"{s.AtNoSpace}invalid value {ms} for argument '{w}' of server {srv.Name}.\n");
                    return 0;
                }

                _ = w == "inter" ? srv.Inter = ms : w == "fastinter" ? srv.FastInter = ms : srv.DownInter = ms;
                return 2;
            case "addr" when !isDefault:
                var ca = AddressGrammar.ParseServerAddress(v, s.Environment);
                if (ca is null)
                {
                    err = s.Alert($"{s.At}Unknown host in '{v}'\n");
                    return 0;
                }

                srv.CheckAddress = ca.Address;
                srv.CheckAddressPort = unchecked((ushort)ca.Port);
                return 2;
            case "port":
                srv.CheckPort = unchecked((ushort)IntegerGrammar.ParseLong(v));
                return 2;
            case "backup" when !isDefault:
                srv.Backup = true;
                return 1;
            case "weight":
                var wgt = IntegerGrammar.ParseInt(v);
                if (wgt is < 0 or > 256)
                {
                    err = s.Alert($"{s.At}weight of server {srv.Name} is not within 0 and 256 ({wgt}).\n");
                    return 0;
                }

                srv.Weight = wgt;
                return 2;
            case "minconn":
                srv.MinConn = IntegerGrammar.ParseInt(v);
                return 2;
            case "maxconn":
                srv.MaxConn = IntegerGrammar.ParseInt(v);
                return 2;
            case "maxqueue":
                srv.MaxQueue = IntegerGrammar.ParseInt(v);
                return 2;
            case "slowstart":
                var st = TimeGrammar.ParseTime(v, TimeUnit.Milliseconds);
                if (!st.Ok)
                {
                    err = s.Alert($"{s.At}unexpected character '{st.BadChar}' in 'slowstart' argument of server {srv.Name}.\n");
                    return 0;
                }

                srv.SlowStart = (int)((st.Value + 999L) / 1000);
                return 2;
            case "track" when !isDefault:
                if (v.Length == 0)
                {
                    err = s.Alert($"{s.AtNoSpace}'track' expects [<proxy>/]<server> as argument.\n");
                    return 0;
                }

                srv.Track = v;
                return 2;
            case "check" when !isDefault:
                srv.Check = true;
                return 1;
            case "disabled" when !isDefault:
                srv.Disabled = true;
                return 1;
            case "observe" when !isDefault:
                if (v is "none" or "layer4")
                {
                    srv.Observe = v;
                    return 2;
                }

                if (v == "layer7")
                {
                    if (p.Mode != ProxyMode.Http)
                    {
                        err = s.Alert($"{s.AtNoSpace}'{v}' can only be used in http proxies.\n", ErrorCode.Alert);
                    }

                    srv.Observe = v;
                    return 2;
                }

                err = s.Alert($"{s.AtNoSpace}'{w}' expects one of 'none', 'layer4', 'layer7' but got '{v}'\n");
                return 0;
            case "on-error":
                if (v is "fastinter" or "fail-check" or "sudden-death" or "mark-down")
                {
                    srv.OnError = v;
                    return 2;
                }

                err = s.Alert($"{s.AtNoSpace}'{w}' expects one of 'fastinter', 'fail-check', 'sudden-death' or 'mark-down' but got '{v}'\n");
                return 0;
            case "error-limit":
                if (v.Length == 0)
                {
                    err = s.Alert($"{s.AtNoSpace}'{w}' expects an integer argument.\n");
                    return 0;
                }

                srv.ErrorLimit = IntegerGrammar.ParseInt(v);
                if (srv.ErrorLimit <= 0)
                {
                    err = s.Alert($"{s.AtNoSpace}{w} has to be > 0.\n");
                    return 0;
                }

                return 2;
            case "source" when !isDefault:
                return ParseServerSource(s, a, srv, i, out err);
            case "usesrc" when !isDefault:
                err = s.Alert($"{s.At}'{"usesrc"}' only allowed after a '{"source"}' statement.\n");
                return 0;
            default:
                err = isDefault
                    ? s.Alert($"{s.AtNoSpace}default-server only supports options 'on-error', 'error-limit', 'inter', 'fastinter', 'downinter', 'rise', 'fall', 'port', 'minconn', 'maxconn', 'maxqueue', 'slowstart' and 'weight'.\n")
                    : s.Alert($"{s.At}server {srv.Name} only supports options 'backup', 'cookie', 'redir', 'observer', 'on-error', 'error-limit', 'check', 'disabled', 'track', 'id', 'inter', 'fastinter', 'downinter', 'rise', 'fall', 'addr', 'port', 'source', 'minconn', 'maxconn', 'maxqueue', 'slowstart' and 'weight'.\n");
                return 0;
        }
    }

    private static int ParseServerSource(ParseState s, LexedLine a, ServerBuilder srv, int i, out ErrorCode err)
    {
        err = ErrorCode.None;
        if (a[i + 1].Length == 0)
        {
            err = s.Alert($"{s.At}'{"source"}' expects <addr>[:<port>[-<port>]] as argument.\n");
            return 0;
        }

        var sa = AddressGrammar.ParseSourceAddress(a[i + 1], s.Environment, out var low, out var high);
        if (sa is null)
        {
            err = s.Alert($"{s.At}Unknown host in '{a[i + 1]}'\n");
            return 0;
        }

        if (low != high && (low is <= 0 or > 65535 || high is <= 0 or > 65535 || low > high))
        {
            err = s.Alert($"{s.At}invalid source port range {low}-{high}.\n");
            return 0;
        }

        srv.Source = new System.Net.IPEndPoint(sa.Address, (int)(low & 0xffff));
        srv.SourcePortHigh = (int)(high & 0xffff);
        srv.SourceInterface = null;
        var j = i + 2;
        while (a[j].Length > 0)
        {
            if (a[j] == "usesrc")
            {
                err = s.Alert($"{s.At}'{"usesrc"}' not allowed here because support for TPROXY was not compiled in.\n");
                return 0;
            }

            if (a[j] == "interface")
            {
                if (a[j + 1].Length == 0)
                {
                    err = s.Alert($"{s.At}'{a[0]}' : missing interface name.\n");
                    return 0;
                }

                srv.SourceInterface = a[j + 1];
                j += 2;
                continue;
            }

            break;
        }

        return j - i;
    }
}
