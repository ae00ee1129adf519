using System.Text;
using Cfg = HaproxyNet.Config.Model;

namespace HaproxyNet.Core.Proxies;

/// <summary>The HTTP part of the config model → runtime mapping.</summary>
public static partial class RuntimeBuilder
{
    private static void MapHttp(Cfg.ProxySection s, Proxy p)
    {
        var o = HttpProxyOptions.None;
        var opts = s.Options;
        if (opts.Contains("httpclose"))
        {
            o |= HttpProxyOptions.HttpClose;
        }

        if (opts.Contains("http-server-close"))
        {
            o |= HttpProxyOptions.ServerClose;
        }

        if (opts.Contains("forceclose"))
        {
            o |= HttpProxyOptions.ForceClose;
        }

        if (opts.Contains("http-pretend-keepalive"))
        {
            o |= HttpProxyOptions.PretendKeepAlive;
        }

        if (opts.Contains("http-use-proxy-header"))
        {
            o |= HttpProxyOptions.UseProxyHeader;
        }

        if (opts.Contains("accept-invalid-http-request"))
        {
            o |= HttpProxyOptions.AcceptInvalidRequest;
        }

        if (opts.Contains("accept-invalid-http-response"))
        {
            o |= HttpProxyOptions.AcceptInvalidResponse;
        }

        if (s.ClfLog)
        {
            o |= HttpProxyOptions.Clf;
        }

        p.HttpOptions = o;
        if (s.Mode != Cfg.ProxyMode.Http)
        {
            return;
        }

        foreach (var c in s.RequestCaptures)
        {
            p.RequestCaptures.Add(new HeaderCapture(c.Name, c.Length));
        }

        foreach (var c in s.ResponseCaptures)
        {
            p.ResponseCaptures.Add(new HeaderCapture(c.Name, c.Length));
        }

        if (s.MonitorUri is { } uri)
        {
            p.MonitorUri = Encoding.Latin1.GetBytes(uri);
        }

        foreach (var rule in s.ConditionRules)
        {
            if (rule.Keyword == "monitor fail" && rule.Condition is { } cond)
            {
                p.MonitorFail.Add(cond);
            }
        }

        if (s.ErrorFiles.Count > 0 || s.ErrorLocations.Count > 0)
        {
            p.ErrorMessages = Http.Errors.HttpErrorMessages.FromConfig(s);
        }
    }

    private static void ResolveSwitchingRules(Cfg.ProxySection section, Proxy p, Dictionary<string, (Cfg.ProxySection Section, Proxy Proxy)> byName)
    {
        foreach (var rule in section.SwitchingRules)
        {
            if (byName.TryGetValue(rule.Backend, out var target) && target.Proxy.IsBackend)
            {
                p.SwitchingRules.Add(new SwitchingRule(target.Proxy, rule.Condition));
            }
        }
    }
}
