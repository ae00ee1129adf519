using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>Keywords of <c>defaults</c>, <c>frontend</c>, <c>backend</c>, <c>listen</c> and <c>ruleset</c> sections.</summary>
/// <remarks>Mirrors <c>cfgparse.c cfg_parse_listen</c> plus the keyword-table parsers it calls.</remarks>
internal static partial class ProxyParser
{
    public static ErrorCode Parse(ParseState s, LexedLine a)
    {
        var kw = a[0];
        switch (kw)
        {
            case "listen":
                return ParseHeader(s, a, ProxyCapabilities.Listen);
            case "frontend":
                return ParseHeader(s, a, ProxyCapabilities.Frontend | ProxyCapabilities.Ruleset);
            case "backend":
                return ParseHeader(s, a, ProxyCapabilities.Backend | ProxyCapabilities.Ruleset);
            case "ruleset":
                return ParseHeader(s, a, ProxyCapabilities.Ruleset);
            case "defaults":
                s.Defaults = ProxyBuilder.NewDefaults(s.Options.DefaultProxyMaxconn);
                s.Current = s.Defaults;
                return ErrorCode.None;
        }

        var p = s.Current;
        if (p is null)
        {
            return s.Alert($"{s.At}'listen' or 'defaults' expected.\n");
        }

        return Dispatch(s, a, p) ?? s.Alert($"{s.At}unknown keyword '{kw}' in '{s.CurrentSectionName}' section\n");
    }

    /// <summary>Runs the keyword's handler; null when the keyword is unknown.</summary>
    private static ErrorCode? Dispatch(ParseState s, LexedLine a, ProxyBuilder p) => a[0] switch
    {
        "bind" => ParseBind(s, a, p),
        "monitor-net" => ParseMonitorNet(s, a, p),
        "monitor-uri" => ParseMonitorUri(s, a, p),
        "mode" => ParseMode(s, a, p),
        "id" => ParseId(s, a, p),
        "description" => ParseDescription(s, a, p),
        "disabled" => SetDisabled(p, true),
        "enabled" => SetDisabled(p, false),
        "bind-process" => ParseBindProcess(s, a, p),
        "acl" => ParseAcl(s, a, p),
        "cookie" => ParseCookie(s, a, p),
        "persist" => ParsePersist(s, a, p),
        "appsession" => ParseAppSession(s, a, p),
        "capture" => ParseCapture(s, a, p),
        "retries" => ParseRetries(s, a, p),
        "http-request" => ParseHttpRequest(s, a, p),
        "http-send-name-header" => ParseSendNameHeader(s, a, p),
        "block" => ParseBlock(s, a, p),
        "redirect" => ParseRedirect(s, a, p),
        "use_backend" => ParseUseBackend(s, a, p),
        "force-persist" or "ignore-persist" => ParsePersistRule(s, a, p),
        "stick-table" => ParseStickTable(s, a, p),
        "stick" => ParseStick(s, a, p),
        "stats" => ParseStats(s, a, p),
        "option" => ParseOption(s, a, p),
        "default_backend" => ParseDefaultBackend(s, a, p),
        "redispatch" or "redisp" => ParseRedispatch(s, a, p),
        "http-check" => ParseHttpCheck(s, a, p),
        "monitor" => ParseMonitor(s, a, p),
        "transparent" => ParseTransparent(s, a, p),
        "maxconn" => ParseMaxConn(s, a, p),
        "backlog" => ParseBacklog(s, a, p),
        "fullconn" => ParseFullConn(s, a, p),
        "grace" => ParseGrace(s, a, p),
        "dispatch" => ParseDispatch(s, a, p),
        "balance" => ParseBalance(s, a, p),
        "hash-type" => ParseHashType(s, a, p),
        "server" or "default-server" => ParseServer(s, a, p),
        "log" => ParseLog(s, a, p),
        "source" => ParseSource(s, a, p),
        "usesrc" => s.Alert($"{s.At}'{a[0]}' only allowed after a '{"source"}' statement.\n"),
        "cliexp" or "reqrep" => ParseRegexRule(s, a, p, RegexRule.Replace, false, true),
        "reqirep" => ParseRegexRule(s, a, p, RegexRule.Replace, true, true),
        "reqdel" => ParseRegexRule(s, a, p, RegexRule.Delete, false, true),
        "reqidel" => ParseRegexRule(s, a, p, RegexRule.Delete, true, true),
        "reqdeny" => ParseRegexRule(s, a, p, RegexRule.Deny, false, true),
        "reqideny" => ParseRegexRule(s, a, p, RegexRule.Deny, true, true),
        "reqpass" => ParseRegexRule(s, a, p, RegexRule.Pass, false, true),
        "reqipass" => ParseRegexRule(s, a, p, RegexRule.Pass, true, true),
        "reqallow" => ParseRegexRule(s, a, p, RegexRule.Allow, false, true),
        "reqiallow" => ParseRegexRule(s, a, p, RegexRule.Allow, true, true),
        "reqtarpit" => ParseRegexRule(s, a, p, RegexRule.Tarpit, false, true),
        "reqitarpit" => ParseRegexRule(s, a, p, RegexRule.Tarpit, true, true),
        "reqsetbe" => ParseRegexRule(s, a, p, RegexRule.SetBackend, false, true),
        "reqisetbe" => ParseRegexRule(s, a, p, RegexRule.SetBackend, true, true),
        "reqadd" => ParseHeaderAdd(s, a, p, true),
        "srvexp" or "rsprep" => ParseRegexRule(s, a, p, RegexRule.Replace, false, false),
        "rspirep" => ParseRegexRule(s, a, p, RegexRule.Replace, true, false),
        "rspdel" => ParseRegexRule(s, a, p, RegexRule.Delete, false, false),
        "rspidel" => ParseRegexRule(s, a, p, RegexRule.Delete, true, false),
        "rspdeny" => ParseRegexRule(s, a, p, RegexRule.Deny, false, false),
        "rspideny" => ParseRegexRule(s, a, p, RegexRule.Deny, true, false),
        "rspadd" => ParseHeaderAdd(s, a, p, false),
        "errorloc" or "errorloc302" or "errorloc303" => ParseErrorLoc(s, a, p),
        "errorfile" => ParseErrorFile(s, a, p),
        "timeout" or "clitimeout" or "contimeout" or "srvtimeout" => KeywordResult(s, ParseTimeout(s, a, p, out var tmsg), tmsg),
        "rate-limit" => KeywordResult(s, ParseRateLimit(a, p, s.Defaults, out var rmsg), rmsg),
        "tcp-request" => KeywordResult(s, ParseTcpRequest(s, a, p, out var cmsg), cmsg),
        _ => null,
    };

    private static ErrorCode SetDisabled(ProxyBuilder p, bool disabled)
    {
        p.Disabled = disabled;
        return ErrorCode.None;
    }

    /// <summary>How cfg_parse_listen reports a keyword-table parser's return code (always "parsing [f:l] : ").</summary>
    private static ErrorCode KeywordResult(ParseState s, int rc, string message)
    {
        if (rc < 0)
        {
            return s.Alert($"{s.At}{message}\n");
        }

        return rc > 0 ? s.Warn($"{s.At}{message}\n") : ErrorCode.None;
    }

    /// <summary>
    /// <c>warnifnotcap</c>: warns when the proxy lacks <paramref name="cap"/>; returns true in that case.
    /// </summary>
    private static bool WarnIfNotCap(ParseState s, ProxyBuilder p, ProxyCapabilities cap, string arg, string? hint = null)
    {
        if ((p.Capabilities & cap) != 0)
        {
            return false;
        }

        var msg = cap switch
        {
            ProxyCapabilities.Backend => "no backend",
            ProxyCapabilities.Frontend => "no frontend",
            ProxyCapabilities.Ruleset => "no ruleset",
            ProxyCapabilities.Frontend | ProxyCapabilities.Backend => "neither frontend nor backend",
            _ => "not enough",
        };
        s.Warn($"{s.At}'{arg}' ignored because {p.TypeString} '{p.DisplayName}' has {msg} capability.{hint}\n");
        return true;
    }

    private static ErrorCode NotInDefaults(ParseState s, ProxyBuilder p, string what, bool noSpace = false) =>
        p.IsDefaults
            ? s.Alert($"{(noSpace ? s.AtNoSpace : s.At)}'{what}' not allowed in 'defaults' section.\n")
            : ErrorCode.None;
}
