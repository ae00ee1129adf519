using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;
using HaproxyNet.Config.Parsing.Values;

namespace HaproxyNet.Config.Parsing.Sections;

internal static partial class ProxyParser
{
    /// <summary><c>[no|default] option &lt;name&gt; [args]</c>.</summary>
    private static ErrorCode ParseOption(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var name = a[1];
        if (name.Length == 0)
        {
            return s.Alert($"{s.AtNoSpace}'{a[0]}' expects an option name.\n");
        }

        if (ProxyOptionTable.Find(name, s.Options.LinuxSplice) is { } entry)
        {
            if (WarnIfNotCap(s, p, entry.Capabilities, name))
            {
                return ErrorCode.Warn;
            }

            p.Options.Remove(name);
            p.NoOptions.Remove(name);
            if (a.Modifier == KeywordModifier.Standard)
            {
                p.Options.Add(name);
            }
            else if (a.Modifier == KeywordModifier.No)
            {
                p.NoOptions.Add(name);
            }

            return ErrorCode.None;
        }

        if (a.Modifier != KeywordModifier.Standard)
        {
            return s.Alert($"{s.AtNoSpace}negation/default is not supported for option '{name}'.\n");
        }

        switch (name)
        {
            case "httplog":
                p.ClfLog = false;
                p.ToLog |= LogFlags.HttpLog;
                if (a[2].Length > 0)
                {
                    if (a[2] != "clf")
                    {
                        return s.Alert($"{s.At}keyword '{a[2]}' only supports option 'clf'.\n");
                    }

                    p.ClfLog = true;
                }

                return ErrorCode.None;
            case "tcplog":
                p.ToLog |= LogFlags.TcpLog;
                return ErrorCode.None;
            case "tcpka":
                var warn = WarnIfNotCap(s, p, ProxyCapabilities.Frontend | ProxyCapabilities.Backend, name) ? ErrorCode.Warn : ErrorCode.None;
                p.TcpKeepAliveClient |= p.HasFrontend;
                p.TcpKeepAliveServer |= p.HasBackend;
                return warn;
            case "httpchk":
                return SetCheck(s, a, p, CheckType.Http);
            case "ssl-hello-chk":
                return SetCheck(s, a, p, CheckType.SslHello);
            case "smtpchk":
                return SetCheck(s, a, p, CheckType.Smtp);
            case "mysql-check":
                return SetCheck(s, a, p, CheckType.Mysql);
            case "ldap-check":
                return SetCheck(s, a, p, CheckType.Ldap);
            case "forwardfor":
                return ParseForwardFor(s, a, p);
            case "originalto":
                return ParseOriginalTo(s, a, p);
            default:
                return s.Alert($"{s.At}unknown option '{name}'.\n");
        }
    }

    private static ErrorCode SetCheck(ParseState s, LexedLine a, ProxyBuilder p, CheckType type)
    {
        // smtpchk and ldap-check have no capability check in 1.4
        var err = type is not (CheckType.Smtp or CheckType.Ldap) && WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[1])
            ? ErrorCode.Warn
            : ErrorCode.None;
        p.CheckType = type;
        p.CheckRequest = type switch
        {
            CheckType.Http when a[2].Length == 0 => "OPTIONS / HTTP/1.0\r\n",
            CheckType.Http when a[3].Length == 0 => $"OPTIONS {a[2]} HTTP/1.0\r\n",
            CheckType.Http => $"{a[2]} {a[3]} {(a[4].Length > 0 ? a[4] : "HTTP/1.0")}\r\n",
            CheckType.Smtp => $"{(a[2] is "HELO" or "EHLO" ? a[2] : "HELO")} {(a[2] is "HELO" or "EHLO" && a[3].Length > 0 ? a[3] : "localhost")}\r\n",
            CheckType.Mysql => a[2] == "user" ? a[3] : null,
            _ => null,
        };
        if (type == CheckType.Mysql && a[2].Length > 0)
        {
            if (a[2] != "user")
            {
                return err | s.Alert($"{s.At}'{a[0]} {a[1]}' only supports optional values: 'user'.\n");
            }

            if (a[3].Length == 0)
            {
                return err | s.Alert($"{s.At}'{a[0]} {a[1]} {a[2]}' expects <username> as argument.\n");
            }
        }

        return err;
    }

    private static ErrorCode ParseForwardFor(ParseState s, LexedLine a, ProxyBuilder p)
    {
        p.ForwardFor = true;
        p.ForwardForHeader = "X-Forwarded-For";
        p.ForwardForExcept = null;
        p.ForwardForIfNone = false;
        for (var i = 2; a[i].Length > 0;)
        {
            switch (a[i])
            {
                case "except":
                    if (a[i + 1].Length == 0 || !NetworkGrammar.TryParse(a[i + 1], s.Environment, out _, out _))
                    {
                        return s.Alert($"{s.At}'{a[0]} {a[1]} {a[i]}' expects <address>[/mask] as argument.\n");
                    }

                    p.ForwardForExcept = a[i + 1];
                    i += 2;
                    break;
                case "header":
                    if (a[i + 1].Length == 0)
                    {
                        return s.Alert($"{s.At}'{a[0]} {a[1]} {a[i]}' expects <header_name> as argument.\n");
                    }

                    p.ForwardForHeader = a[i + 1];
                    i += 2;
                    break;
                case "if-none":
                    p.ForwardForIfNone = true;
                    i++;
                    break;
                default:
                    return s.Alert($"{s.At}'{a[0]} {a[1]}' only supports optional values: 'except', 'header' and 'if-none'.\n");
            }
        }

        return ErrorCode.None;
    }

    private static ErrorCode ParseOriginalTo(ParseState s, LexedLine a, ProxyBuilder p)
    {
        p.OriginalTo = true;
        p.OriginalToHeader = "X-Original-To";
        p.OriginalToExcept = null;
        for (var i = 2; a[i].Length > 0;)
        {
            switch (a[i])
            {
                case "except":
                    if (a[i + 1].Length == 0 || !NetworkGrammar.TryParse(a[i + 1], s.Environment, out _, out _))
                    {
                        return s.Alert($"{s.At}'{a[0]} {a[1]} {a[i]}' expects <address>[/mask] as argument.\n");
                    }

                    p.OriginalToExcept = a[i + 1];
                    i += 2;
                    break;
                case "header":
                    if (a[i + 1].Length == 0)
                    {
                        return s.Alert($"{s.At}'{a[0]} {a[1]} {a[i]}' expects <header_name> as argument.\n");
                    }

                    p.OriginalToHeader = a[i + 1];
                    i += 2;
                    break;
                default:
                    return s.Alert($"{s.At}'{a[0]} {a[1]}' only supports optional values: 'except' and 'header'.\n");
            }
        }

        return ErrorCode.None;
    }

    /// <summary><c>http-check disable-on-404 | send-state | expect [!] &lt;match&gt; &lt;pattern&gt;</c>.</summary>
    private static ErrorCode ParseHttpCheck(ParseState s, LexedLine a, ProxyBuilder p)
    {
        var err = WarnIfNotCap(s, p, ProxyCapabilities.Backend, a[0]) ? ErrorCode.Warn : ErrorCode.None;
        switch (a[1])
        {
            case "disable-on-404":
                p.DisableOn404 = true;
                return err;
            case "send-state":
                p.SendState = true;
                return err;
            case "expect":
                if (p.HttpCheckExpectHere)
                {
                    return err | s.Alert($"{s.At}'{a[0]} {a[1]}' already specified.\n");
                }

                var i = 2;
                if (a[i] == "!")
                {
                    i++;
                }

                var match = a[i];
                if (match is "status" or "string")
                {
                    if (a[i + 1].Length == 0)
                    {
                        return err | s.Alert($"{s.At}'{a[0]} {a[1]} {match}' expects <string> as an argument.\n");
                    }
                }
                else if (match is "rstatus" or "rstring")
                {
                    if (a[i + 1].Length == 0)
                    {
                        return err | s.Alert($"{s.At}'{a[0]} {a[1]} {match}' expects <regex> as an argument.\n");
                    }

                    if (!HaproxyNet.Config.Acl.PosixRegex.TryCompile(a[i + 1], false, out _))
                    {
                        return err | s.Alert($"{s.At}'{a[0]} {a[1]} {match}' : bad regular expression '{a[i + 1]}'.\n");
                    }
                }
                else
                {
                    return err | s.Alert($"{s.At}'{a[0]} {a[1]}' only supports [!] 'status', 'string', 'rstatus', 'rstring', found '{match}'.\n");
                }

                p.HttpCheckExpect = string.Join(' ', a.Words.Skip(2));
                p.HttpCheckExpectHere = true;
                return err;
            default:
                return err | s.Alert($"{s.At}'{a[0]}' only supports 'disable-on-404', 'send-state', 'expect'.\n");
        }
    }
}
