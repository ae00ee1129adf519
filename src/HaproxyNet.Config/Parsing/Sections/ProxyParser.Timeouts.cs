using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary>
    /// <c>timeout &lt;name&gt; &lt;time&gt;</c> and the legacy <c>clitimeout/contimeout/srvtimeout</c>.
    /// Returns 1.4's keyword-parser code: -1 alert, 1 warning, 0 fine.
    /// </summary>
    /// <remarks>Mirrors <c>proxy.c proxy_parse_timeout</c>.</remarks>
    private static int ParseTimeout(ParseState s, LexedLine a, ProxyBuilder p, out string message)
    {
        var shift = a[0] == "timeout" ? 1 : 0;
        var which = a[shift];
        var value = a[shift + 1];
        var d = s.Defaults;
        ProxyCapabilities cap;
        string name;
        Func<ProxyBuilder, uint> get;
        Action<uint> set;
        switch (which)
        {
            case "client" or "clitimeout":
                (name, cap, get, set) = ("client", ProxyCapabilities.Frontend, x => x.TimeoutClient, v => p.TimeoutClient = v);
                break;
            case "tarpit":
                (name, cap, get, set) = (which, ProxyCapabilities.Frontend | ProxyCapabilities.Backend, x => x.TimeoutTarpit, v => p.TimeoutTarpit = v);
                break;
            case "http-keep-alive":
                (name, cap, get, set) = (which, ProxyCapabilities.Frontend | ProxyCapabilities.Backend, x => x.TimeoutHttpKeepAlive, v => p.TimeoutHttpKeepAlive = v);
                break;
            case "http-request":
                (name, cap, get, set) = (which, ProxyCapabilities.Frontend | ProxyCapabilities.Backend, x => x.TimeoutHttpRequest, v => p.TimeoutHttpRequest = v);
                break;
            case "server" or "srvtimeout":
                (name, cap, get, set) = ("server", ProxyCapabilities.Backend, x => x.TimeoutServer, v => p.TimeoutServer = v);
                break;
            case "connect" or "contimeout":
                (name, cap, get, set) = ("connect", ProxyCapabilities.Backend, x => x.TimeoutConnect, v => p.TimeoutConnect = v);
                break;
            case "check":
                (name, cap, get, set) = (which, ProxyCapabilities.Backend, x => x.TimeoutCheck, v => p.TimeoutCheck = v);
                break;
            case "queue":
                (name, cap, get, set) = (which, ProxyCapabilities.Backend, x => x.TimeoutQueue, v => p.TimeoutQueue = v);
                break;
            default:
                message = $"timeout '{which}': must be 'client', 'server', 'connect', 'check', 'queue', 'http-keep-alive', 'http-request' or 'tarpit'";
                return -1;
        }

        if (value.Length == 0)
        {
            message = $"{name} timeout expects an integer value (in milliseconds)";
            return -1;
        }

        var t = TimeGrammar.ParseTime(value, TimeUnit.Milliseconds);
        if (!t.Ok)
        {
            message = $"unexpected character '{t.BadChar}' in {name} timeout";
            return -1;
        }

        var rc = 0;
        message = string.Empty;
        if ((p.Capabilities & cap) == 0)
        {
            message = $"{name} timeout will be ignored because {p.TypeString} '{p.DisplayName}' has no {((cap & ProxyCapabilities.Backend) != 0 ? "backend" : "frontend")} capability";
            rc = 1;
        }
        else if (get(p) != get(d))
        {
            message = $"overwriting {name} timeout which was already specified";
            rc = 1;
        }

        set(t.Value);
        return rc;
    }

    /// <summary><c>rate-limit sessions &lt;n&gt;</c> (<c>proxy.c proxy_parse_rate_limit</c>).</summary>
    private static int ParseRateLimit(LexedLine a, ProxyBuilder p, ProxyBuilder d, out string message)
    {
        if (a[1] != "sessions")
        {
            message = $"rate-limit '{a[1]}': must be 'sessions'";
            return -1;
        }

        if (a[2].Length == 0)
        {
            message = "rate-limit sessions expects expects an integer value (in sessions/second)";
            return -1;
        }

        var val = IntegerGrammar.ParseCStyle(a[2], out var rest);
        if (rest.Length > 0)
        {
            message = $"rate-limit sessions: unexpected character '{rest[0]}' in integer value '{a[2]}'";
            return -1;
        }

        var rc = 0;
        message = string.Empty;
        if (!p.HasFrontend)
        {
            message = $"rate-limit sessions will be ignored because {p.TypeString} '{p.DisplayName}' has no frontend capability";
            rc = 1;
        }
        else if (p.SessionRateLimit != d.SessionRateLimit)
        {
            message = "overwriting rate-limit sessions which was already specified";
            rc = 1;
        }

        p.SessionRateLimit = unchecked((uint)val);
        return rc;
    }

    /// <summary><c>tcp-request inspect-delay|content ...</c> (<c>proto_tcp.c tcp_parse_tcp_req</c>).</summary>
    private static int ParseTcpRequest(ParseState s, LexedLine a, ProxyBuilder p, out string message)
    {
        message = string.Empty;
        var who = $"{p.TypeString} '{p.DisplayName}'";
        if (a[1].Length == 0)
        {
            message = $"missing argument for '{a[0]}' in {who}";
            return -1;
        }

        if (a[1] == "inspect-delay")
        {
            if (p.IsDefaults)
            {
                message = $"{a[0]} {a[1]} is not allowed in 'defaults' sections";
                return -1;
            }

            if (!p.HasFrontend)
            {
                message = $"{a[0]} {a[1]} will be ignored because {who} has no frontend capability";
                return 1;
            }

            var t = TimeGrammar.ParseTime(a[2], TimeUnit.Milliseconds);
            if (a[2].Length == 0 || !t.Ok)
            {
                message = $"'{a[0]} {a[1]}' expects a positive delay in milliseconds, in {who}"
                    + (t.Ok ? string.Empty : $" (unexpected character '{t.BadChar}')");
                return -1;
            }

            if (p.TcpInspectDelay != 0)
            {
                message = $"ignoring {a[0]} {a[1]} (was already defined) in {who}";
                return 1;
            }

            p.TcpInspectDelay = t.Value;
            return 0;
        }

        if (a[1] == "content")
        {
            if (p.IsDefaults)
            {
                message = $"{a[0]} {a[1]} is not allowed in 'defaults' sections";
                return -1;
            }

            if (a[2] is not ("accept" or "reject"))
            {
                message = $"'{a[0]} {a[1]}' expects 'accept' or 'reject', in {who} (was '{a[2]}')";
                return -1;
            }

            Acl.AclCondition? cond = null;
            if (a[3] is "if" or "unless")
            {
                cond = BuildCondition(s, a, p, 3);
                if (cond is null)
                {
                    message = $"error detected in {who} while parsing '{a[3]}' condition";
                    return -1;
                }
            }
            else if (a[3].Length > 0)
            {
                message = $"'{a[0]} {a[1]} {a[2]}' only accepts 'if' or 'unless', in {who} (was '{a[3]}')";
                return -1;
            }

            p.TcpContentRules++;
            p.ConditionRules.Add(new Model.Rules.ConditionRule("tcp-request content", a[2] == "accept", cond, s.Span));
            if (cond is not null && (cond.Requires & Acl.AclUse.ResponseAny) != 0)
            {
                var name = cond.FindRequire(Acl.AclUse.ResponseAny)?.Name ?? "(unknown)";
                message = $"acl '{name}' involves some response-only criteria which will be ignored.";
                return 1;
            }

            return 0;
        }

        message = $"unknown argument '{a[1]}' after '{a[0]}' in {who}";
        return -1;
    }
}
