using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;

namespace HaproxyNet.Core.Proxies;

/// <summary>A proxy's layer-7 rules (1.4's block_cond, http_req_rules, req_exp/rsp_exp, req_add/rsp_add, redirect_rules).</summary>
public sealed partial class Proxy
{
    /// <summary><c>block if|unless COND</c>, in order.</summary>
    public List<AclCondition> BlockRules { get; } = [];

    /// <summary><c>http-request allow|deny|auth</c>, in order.</summary>
    public List<HttpRequestRuleRt> HttpRequestRules { get; } = [];

    /// <summary><c>req*</c> regex filters in declaration order (1.4's req_exp).</summary>
    public List<HttpRegexFilter> ReqFilters { get; } = [];

    /// <summary><c>rsp*</c> regex filters in declaration order (1.4's rsp_exp).</summary>
    public List<HttpRegexFilter> RspFilters { get; } = [];

    /// <summary><c>reqadd</c> lines, in order.</summary>
    public List<HttpHeaderAdd> ReqAdd { get; } = [];

    /// <summary><c>rspadd</c> lines, in order.</summary>
    public List<HttpHeaderAdd> RspAdd { get; } = [];

    /// <summary><c>redirect</c> rules, in order.</summary>
    public List<HttpRedirectRuleRt> RedirectRules { get; } = [];

    /// <summary><c>option forwardfor</c>: the header name (null without the option; <c>X-Forwarded-For</c> by default).</summary>
    public byte[]? ForwardForHeader { get; set; }

    /// <summary><c>option forwardfor</c> without <c>if-none</c> (1.4's PR_O_FF_ALWAYS).</summary>
    public bool ForwardForAlways { get; set; }

    /// <summary><c>option forwardfor except NET</c> (mask 0 = none), host byte order.</summary>
    public AclIpv4Network ForwardForExcept { get; set; }

    /// <summary><c>option originalto</c>: the header name (null without the option).</summary>
    public byte[]? OriginalToHeader { get; set; }

    /// <summary><c>option originalto except NET</c> (mask 0 = none), host byte order.</summary>
    public AclIpv4Network OriginalToExcept { get; set; }

    /// <summary><c>http-send-name-header NAME</c>: the header naming the chosen server (null when not set).</summary>
    public byte[]? SendNameHeader { get; set; }

    /// <summary><c>option checkcache</c>.</summary>
    public bool CheckCache { get; set; }

    /// <summary><c>option http_proxy</c>.</summary>
    public bool HttpProxy { get; set; }
}

/// <summary>One <c>http-request</c> rule.</summary>
/// <param name="Action">allow, deny or auth.</param>
/// <param name="Realm">The auth realm as configured (null = the proxy's name).</param>
/// <param name="Condition">Its condition, null = always.</param>
public sealed record HttpRequestRuleRt(HttpRequestAction Action, string? Realm, AclCondition? Condition);

/// <summary>One <c>req*</c>/<c>rsp*</c> filter (1.4's <c>struct hdr_exp</c>).</summary>
/// <param name="Action">What a matching line does.</param>
/// <param name="Regex">The compiled expression.</param>
/// <param name="Replacement">rep: the replacement; null for others.</param>
/// <param name="Backend">setbe: the target backend.</param>
/// <param name="Condition">Its condition, null = always.</param>
public sealed record HttpRegexFilter(RegexAction Action, PosixRegex Regex, PosixReplacement? Replacement, Proxy? Backend, AclCondition? Condition);

/// <summary>One <c>reqadd</c>/<c>rspadd</c> line.</summary>
/// <param name="Line">The header line, without CRLF.</param>
/// <param name="Condition">Its condition, null = always.</param>
public sealed record HttpHeaderAdd(byte[] Line, AclCondition? Condition);

/// <summary>One <c>redirect</c> rule with its message pieces built once (1.4's <c>struct redirect_rule</c>).</summary>
/// <param name="Prefix">true: prefix type (path appended), false: location.</param>
/// <param name="Target">The location or prefix.</param>
/// <param name="Code">301, 302 or 303.</param>
/// <param name="DropQuery">drop-query.</param>
/// <param name="AppendSlash">append-slash.</param>
/// <param name="Cookie">The Set-Cookie value (with <c>; path=/;</c> or <c>; path=/; Max-Age=0;</c>), or null.</param>
/// <param name="Condition">Its condition, null = always.</param>
public sealed record HttpRedirectRuleRt(bool Prefix, byte[] Target, int Code, bool DropQuery, bool AppendSlash, byte[]? Cookie, AclCondition? Condition);
