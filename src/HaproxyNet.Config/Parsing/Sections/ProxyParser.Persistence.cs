using HaproxyNet.Config.Model;
using HaproxyNet.Config.Model.Rules;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary><c>cookie &lt;name&gt; [modes...]</c>: resets every previous cookie option first.</summary>
    private static ErrorCode ParseCookie(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects <cookie_name> as argument.\n");
        }

        p.CookieName = a[1];
        p.CookieModes = [];
        p.CookieDomains = [];
        p.CookieMaxIdle = p.CookieMaxLife = 0;
        for (var i = 2; a[i].Length > 0; i++)
        {
            var w = a[i];
            switch (w)
            {
                case "rewrite" or "indirect" or "insert" or "nocache" or "postonly" or "preserve" or "prefix" or "httponly" or "secure":
                    p.CookieModes.Add(w);
                    break;
                case "domain":
                    if (a[i + 1].Length == 0)
                    {
                        return err | s.Alert($"{s.AtNoSpace}'{w}' expects <domain> as argument.\n");
                    }

                    var d = a[i + 1];
                    if (d[0] != '.' || !d[1..].Contains('.'))
                    {
                        err |= s.Warn(
                            $"{s.AtNoSpace}domain '{d}' contains no embedded dots nor does not start with a dot. RFC forbids it, this configuration may not work properly.\n");
                    }

                    if (NameRules.InvalidDomainChar(d) is { } c)
                    {
                        return err | s.Alert($"{s.AtNoSpace}character '{c}' is not permitted in domain name '{d}'.\n");
                    }

                    p.CookieDomains.Add(d);
                    i++;
                    break;
                case "maxidle" or "maxlife":
                    if (a[i + 1].Length == 0)
                    {
                        var what = w == "maxidle" ? "<idletime>" : "<lifetime>";
                        return err | s.Alert($"{s.AtNoSpace}'{w}' expects {what} in seconds as argument.\n");
                    }

                    var t = TimeGrammar.ParseTime(a[i + 1], TimeUnit.Seconds);
                    if (!t.Ok)
                    {
                        return err | s.Alert($"{s.AtNoSpace}unexpected character '{t.BadChar}' in argument to <{w}>.\n");
                    }

                    _ = w == "maxidle" ? p.CookieMaxIdle = t.Value : p.CookieMaxLife = t.Value;
                    i++;
                    break;
                default:
                    return err | s.Alert(
                        $"{s.At}'{a[0]}' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', 'postonly', 'domain', 'maxidle, and 'maxlife' options.\n");
            }
        }

        var m = p.CookieModes;
        if (m.Contains("rewrite") && m.Contains("indirect"))
        {
            err |= s.Alert($"{s.At}cookie 'rewrite' and 'indirect' modes are incompatible.\n");
        }

        if ((m.Contains("rewrite") ? 1 : 0) + (m.Contains("insert") ? 1 : 0) + (m.Contains("prefix") ? 1 : 0) > 1)
        {
            err |= s.Alert($"{s.At}cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.\n");
        }

        if (m.Contains("preserve") && !m.Contains("insert") && !m.Contains("indirect"))
        {
            err |= s.Alert($"{s.At}cookie 'preserve' requires at least 'insert' or 'indirect'.\n");
        }

        return err;
    }

    private static ErrorCode ParsePersist(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (a[1].Length == 0)
        {
            return s.Alert($"{s.At}missing persist method.\n");
        }

        if (!a[1].StartsWith("rdp-cookie", StringComparison.Ordinal))
        {
            return s.Alert($"{s.At}unknown persist method.\n");
        }

        var rest = a[1][10..];
        if (rest.Length == 0)
        {
            p.PersistRdpCookie = "msts";
            return ErrorCode.None;
        }

        var close = rest.IndexOf(')', StringComparison.Ordinal);
        if (rest[0] != '(' || close <= 1)
        {
            return s.Alert($"{s.At}persist rdp-cookie(name)' requires an rdp cookie name.\n");
        }

        p.PersistRdpCookie = rest[1..close];
        return ErrorCode.None;
    }

    private static ErrorCode ParseAppSession(ParseState s, LexedLine a, ProxyBuilder p)
    {
        if (p.IsDefaults)
        {
            return NotInDefaults(s, p, a[0]);
        }

        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0 || a[2].Length == 0 || a[3].Length == 0 || a[4].Length == 0 || a[5].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects 'appsession' <cookie_name> 'len' <len> 'timeout' <timeout> [options*].\n");
        }

        p.AppSessionName = a[1];
        p.AppSessionLength = IntegerGrammar.ParseInt(a[3]);
        var t = TimeGrammar.ParseTime(a[5], TimeUnit.Milliseconds);
        if (!t.Ok)
        {
            return err | s.Alert($"{s.At}unexpected character '{t.BadChar}' in {a[0]} timeout.\n");
        }

        p.AppSessionTimeout = t.Value;
        p.AppSessionRequestLearn = p.AppSessionPrefix = p.AppSessionQueryString = false;
        for (var i = 6; a[i].Length > 0; i++)
        {
            if (a[i] == "request-learn")
            {
                p.AppSessionRequestLearn = true;
            }
            else if (a[i] == "prefix")
            {
                p.AppSessionPrefix = true;
            }
            else if (a[i] == "mode")
            {
                if (a[i + 1].Length == 0)
                {
                    return err | s.Alert($"{s.At}'{a[0]}': missing argument for '{a[i]}'.\n");
                }

                i++;
                if (a[i] is not ("query-string" or "path-parameters"))
                {
                    return err | s.Alert($"{s.At}unknown mode '{a[i]}'\n");
                }

                p.AppSessionQueryString = a[i] == "query-string";
            }
        }

        return err;
    }

    private static ErrorCode ParseCapture(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Frontend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1] == "cookie")
        {
            if (p.IsDefaults)
            {
                return err | s.Alert($"{s.At}'{a[0]} {a[1]}' not allowed in 'defaults' section.\n");
            }

            if (a[4].Length == 0)
            {
                return err | s.Alert($"{s.At}'{a[0]}' expects 'cookie' <cookie_name> 'len' <len>.\n");
            }

            p.CaptureCookie = a[2];
            p.CaptureCookieLength = (int)Math.Min(IntegerGrammar.ParseLong(a[4]), 63);
            if (IntegerGrammar.ParseLong(a[4]) >= 64)
            {
                err |= s.Warn($"{s.At}truncating capture length to 63 bytes.\n");
            }

            p.ToLog |= LogFlags.Cookie;
            return err;
        }

        var request = a[1] == "request";
        if ((request || a[1] == "response") && a[2] == "header")
        {
            if (p.IsDefaults)
            {
                return err | s.Alert($"{s.At}'{a[0]} {a[1]}' not allowed in 'defaults' section.\n");
            }

            if (a[3].Length == 0 || a[4] != "len" || a[5].Length == 0)
            {
                return err | s.Alert($"{s.At}'{a[0]} {a[1]}' expects 'header' <header_name> 'len' <len>.\n");
            }

            var length = IntegerGrammar.ParseInt(a[5]);
            (request ? p.RequestCaptureList : p.ResponseCaptureList).Add(new CaptureHeader(a[3], length));
            if (request)
            {
                p.RequestCaptures++;
                p.ToLog |= LogFlags.RequestHeaders;
            }
            else
            {
                p.ResponseCaptures++;
                p.ToLog |= LogFlags.ResponseHeaders;
            }

            return err;
        }

        return err | s.Alert($"{s.At}'{a[0]}' expects 'cookie' or 'request header' or 'response header'.\n");
    }

    /// <summary><c>source &lt;addr&gt;[:port] [usesrc ...] [interface ...]</c> (the reference build has no TPROXY).</summary>
    private static ErrorCode ParseSource(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        if (a[1].Length == 0)
        {
            return err | s.Alert($"{s.At}'{a[0]}' expects <addr>[:<port>], and optionally '{"usesrc"}' <addr>, and '{"interface"}' <name>.\n");
        }

        p.Interface = null;
        var sa = AddressGrammar.ParseServerAddress(a[1], s.Environment);
        if (sa is null)
        {
            return err | s.Alert($"{s.At}Unknown host in '{a[1]}'\n");
        }

        p.Source = sa;
        for (var i = 2; a[i].Length > 0;)
        {
            if (a[i] == "usesrc")
            {
                return err | s.Alert($"{s.At}'{"usesrc"}' not allowed here because support for TPROXY was not compiled in.\n");
            }

            if (a[i] == "interface")
            {
                if (a[i + 1].Length == 0)
                {
                    return err | s.Alert($"{s.At}'{a[0]}' : missing interface name.\n");
                }

                p.Interface = a[i + 1];
                i += 2;
                continue;
            }

            return err | s.Alert($"{s.At}'{a[0]}' only supports optional keywords '{"usesrc"}' and '{"interface"}'.\n");
        }

        return err;
    }
}
