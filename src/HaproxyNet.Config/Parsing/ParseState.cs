using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Model;
using HaproxyNet.Config.Parsing.Builders;

namespace HaproxyNet.Config.Parsing;

/// <summary>Everything <c>readcfgfile</c> keeps across lines and files.</summary>
internal sealed class ParseState(ConfigLoadOptions options, IConfigEnvironment environment, Diagnostics diagnostics)
{
    public ConfigLoadOptions Options { get; } = options;

    public IConfigEnvironment Environment { get; } = environment;

    public Diagnostics Diag { get; } = diagnostics;

    public GlobalBuilder Global { get; } = new();

    /// <summary>1.4's <c>defproxy</c>: the defaults in effect; reset by every <c>defaults</c> line.</summary>
    public ProxyBuilder Defaults { get; set; } = ProxyBuilder.NewDefaults(options.DefaultProxyMaxconn);

    /// <summary>Proxies in declaration order.</summary>
    public List<ProxyBuilder> Proxies { get; } = [];

    public List<UserListBuilder> UserLists { get; } = [];

    /// <summary>The proxy lines go to (defaults included); null before the first proxy section.</summary>
    public ProxyBuilder? Current { get; set; }

    public UserListBuilder? CurrentUserList { get; set; }

    /// <summary>The word that opened the current section, as printed in "unknown keyword" alerts.</summary>
    public string CurrentSectionName { get; set; } = string.Empty;

    public Dictionary<int, ProxyBuilder> UsedProxyIds { get; } = [];

    public string File { get; set; } = string.Empty;

    public int Line { get; set; }

    public SourceSpan Span => new(File, Line);

    /// <summary>The <c>parsing [file:line] : </c> prefix (with the space before the colon).</summary>
    public string At => $"parsing [{File}:{Line}] : ";

    /// <summary>The <c>parsing [file:line]: </c> prefix (no space before the colon).</summary>
    public string AtNoSpace => $"parsing [{File}:{Line}]: ";

    /// <summary>Context handed to the ACL parser (its warnings follow the quiet rules).</summary>
    public AclParseContext AclContext => new(File, Line, Environment, new DiagnosticsSink(Diag));

    public ErrorCode Alert(string text, ErrorCode code = ErrorCode.Alert | ErrorCode.Fatal)
    {
        Diag.Alert(text);
        return code;
    }

    public ErrorCode Warn(string text)
    {
        Diag.Warning(text);
        return ErrorCode.Warn;
    }
}
