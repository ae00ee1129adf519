using System.Buffers.Binary;
using System.Net;
using System.Text;
using HaproxyNet.Config.Acl;
using HaproxyNet.Config.Model.Rules;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The layer-7 rules of the config model → runtime (block, http-request, req*/rsp*, reqadd/rspadd, redirect, forwardfor, originalto).</summary>
public static partial class RuntimeBuilder
{
    private static void MapRules(Cfg.ProxySection s, Proxy p, Dictionary<string, (Cfg.ProxySection Section, Proxy Proxy)> byName)
    {
        if (s.Mode != Cfg.ProxyMode.Http)
        {
            return;
        }

        foreach (var rule in s.ConditionRules)
        {
            if (rule.Keyword == "block" && rule.Condition is { } cond)
            {
                p.BlockRules.Add(cond);
            }
        }

        foreach (var rule in s.HttpRequestRules)
        {
            p.HttpRequestRules.Add(new HttpRequestRuleRt(rule.Action, rule.Realm, rule.Condition));
        }

        foreach (var rule in s.RegexRules)
        {
            PosixReplacement? rep = null;
            Proxy? target = null;
            if (rule.Action == RegexAction.Replace && rule.Replacement is { } text)
            {
                PosixReplacement.TryParse(text, NoDiagnostics.Instance, out rep, out _);
            }
            else if (rule.Action == RegexAction.SetBackend && rule.Replacement is { } name
                && byName.TryGetValue(name, out var be) && be.Proxy.IsBackend)
            {
                target = be.Proxy;
            }

            (rule.Request ? p.ReqFilters : p.RspFilters).Add(new HttpRegexFilter(rule.Action, rule.Regex, rep, target, rule.Condition));

            // .NET builds a regex's matcher on its first use: pay for it at start, not on the first request.
            rule.Regex.IsMatch(string.Empty);
        }

        foreach (var rule in s.HeaderAddRules)
        {
            (rule.Request ? p.ReqAdd : p.RspAdd).Add(new HttpHeaderAdd(Encoding.Latin1.GetBytes(rule.Header), rule.Condition));
        }

        foreach (var rule in s.RedirectRules)
        {
            byte[]? cookie = null;
            if (rule.SetCookie is { } set)
            {
                cookie = Encoding.Latin1.GetBytes(set + "; path=/;");
            }
            else if (rule.ClearCookie is { } clear)
            {
                cookie = Encoding.Latin1.GetBytes(clear + "; path=/; Max-Age=0;");
            }

            p.RedirectRules.Add(new HttpRedirectRuleRt(
                rule.Type == RedirectType.Prefix, Encoding.Latin1.GetBytes(rule.Destination), rule.Code, rule.DropQuery, rule.AppendSlash, cookie, rule.Condition));
        }

        if (s.ForwardForHeader is { } ff)
        {
            p.ForwardForHeader = Encoding.Latin1.GetBytes(ff);
            p.ForwardForAlways = !s.ForwardForIfNone;
            p.ForwardForExcept = ParseNetwork(s.ForwardForExcept);
        }

        if (s.OriginalToHeader is { } ot)
        {
            p.OriginalToHeader = Encoding.Latin1.GetBytes(ot);
            p.OriginalToExcept = ParseNetwork(s.OriginalToExcept);
        }

        if (s.HttpSendNameHeader is { } sendName)
        {
            p.SendNameHeader = Encoding.Latin1.GetBytes(sendName);
        }

        p.CheckCache = s.Options.Contains("checkcache");
        p.HttpProxy = s.Options.Contains("http_proxy");
    }

    /// <summary>str2net for an already validated <c>addr[/mask]</c>: the address masked, mask 0 when absent.</summary>
    internal static AclIpv4Network ParseNetwork(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addrText = slash < 0 ? text : text[..slash];
        uint mask = 0xFFFFFFFF;
        if (slash >= 0)
        {
            var m = text[(slash + 1)..];
            if (m.Contains('.', StringComparison.Ordinal))
            {
                mask = IPAddress.TryParse(m, out var mip) ? ToUInt(mip) : 0xFFFFFFFF;
            }
            else if (int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits))
            {
                mask = bits <= 0 ? 0 : bits >= 32 ? 0xFFFFFFFF : ~(0xFFFFFFFFu >> bits);
            }
        }

        uint addr = 0;
        if (IPAddress.TryParse(addrText, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            addr = ToUInt(ip);
        }

        return new AclIpv4Network(addr & mask, mask);
    }

    private static uint ToUInt(IPAddress ip)
    {
        Span<byte> b = stackalloc byte[4];
        return ip.TryWriteBytes(b, out _) ? BinaryPrimitives.ReadUInt32BigEndian(b) : 0;
    }

    /// <summary>The replacement strings were validated (and reported) by the parser already.</summary>
    private sealed class NoDiagnostics : HaproxyNet.Config.Environment.IDiagnosticSink
    {
        public static readonly NoDiagnostics Instance = new();

        public void Alert(string text)
        {
        }

        public void Warning(string text)
        {
        }
    }
}
