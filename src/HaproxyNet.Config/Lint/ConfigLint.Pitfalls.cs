using System.Globalization;
using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Lint;

/// <summary>
/// Further 1.4 pitfalls that the configuration's numbers show, run on top of <see cref="Run"/> by
/// <c>haproxynet-tool lint</c> and by <c>HAPROXYNET_LINT=1 haproxynet -c</c> (both print <see cref="RunAll"/>).
/// </summary>
public static partial class ConfigLint
{
    /// <summary><see cref="Run"/>'s findings followed by the pitfall checks, proxy by proxy in declaration order.</summary>
    public static IReadOnlyList<LintFinding> RunAll(ConfigDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<LintFinding>(Run(document));
        foreach (var proxy in document.Proxies)
        {
            if (proxy.Disabled || proxy.Mode == ProxyMode.Health)
            {
                continue;
            }

            CheckMaxconnAboveGlobal(proxy, document.Global, findings);
            CheckMissingTimeouts(proxy, findings);
            CheckUnboundedQueue(proxy, document.Defaults, findings);
            CheckFullconnAboveGlobal(proxy, document.Global, findings);
        }

        return findings;
    }

    /// <summary>
    /// A frontend's maxconn above the global maxconn is never reached: the process stops accepting at the global
    /// limit, and the backends' default fullconn (the proxy's maxconn) counts on sessions that cannot exist.
    /// </summary>
    private static void CheckMaxconnAboveGlobal(ProxySection proxy, GlobalSection global, List<LintFinding> findings)
    {
        if ((proxy.Capabilities & ProxyCapabilities.Frontend) == 0 || global.MaxConn <= 0 || proxy.MaxConn <= global.MaxConn)
        {
            return;
        }

        findings.Add(new LintFinding(proxy.Span, LintSeverity.Notice, LintCodes.MaxconnAboveGlobal, string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}': maxconn={proxy.MaxConn}{(proxy.MaxConn == 2000 ? " (1.4's default when unset)" : string.Empty)} "
            + $"is above the global maxconn={global.MaxConn}: the process stops accepting at {global.MaxConn} sessions in all, so this "
            + $"limit is never reached; set maxconn in this section to what it may really take.")));
    }

    /// <summary>Without client, connect or server timeouts, dead peers hold sessions (and maxconn slots) forever.</summary>
    private static void CheckMissingTimeouts(ProxySection proxy, List<LintFinding> findings)
    {
        var missing = new List<string>();
        if ((proxy.Capabilities & ProxyCapabilities.Frontend) != 0 && proxy.Timeouts.Client == 0)
        {
            missing.Add("client");
        }

        if ((proxy.Capabilities & ProxyCapabilities.Backend) != 0 && proxy.Servers.Count > 0)
        {
            if (proxy.Timeouts.Connect == 0)
            {
                missing.Add("connect");
            }

            if (proxy.Timeouts.Server == 0)
            {
                missing.Add("server");
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        findings.Add(new LintFinding(proxy.Span, LintSeverity.Warning, LintCodes.MissingTimeouts, string.Create(CultureInfo.InvariantCulture,
            $"{SectionWord(proxy)} '{proxy.Name}': no 'timeout {string.Join("', 'timeout ", missing)}': a client or server that stops "
            + $"answering keeps its session open forever, and such sessions pile up until maxconn={proxy.MaxConn} refuses everyone; "
            + $"1.4 accepts this with a warning only.")));
    }

    /// <summary>Servers with maxconn queue the excess; with neither queue nor connect timeout the queue has no time limit.</summary>
    private static void CheckUnboundedQueue(ProxySection proxy, DefaultsSection defaults, List<LintFinding> findings)
    {
        if ((proxy.Capabilities & ProxyCapabilities.Backend) == 0 || QueueTimeoutSource.Resolve(proxy, defaults) != QueueTimeoutOrigin.None)
        {
            return;
        }

        foreach (var srv in proxy.Servers)
        {
            if (srv.MaxConn > 0 && !srv.Disabled)
            {
                findings.Add(new LintFinding(srv.Span, LintSeverity.Warning, LintCodes.UnboundedQueue, string.Create(CultureInfo.InvariantCulture,
                    $"{SectionWord(proxy)} '{proxy.Name}' server '{srv.Name}': maxconn={srv.MaxConn} queues the sessions above it, and with neither "
                    + $"'timeout queue' nor 'timeout connect' set they wait in the queue with no time limit; set 'timeout queue'.")));
                return;
            }
        }
    }

    /// <summary>
    /// A fullconn above the global maxconn (1.4 requires fullconn once a server has minconn) is never reached, so
    /// servers with minconn below maxconn never get their full maxconn.
    /// </summary>
    private static void CheckFullconnAboveGlobal(ProxySection proxy, GlobalSection global, List<LintFinding> findings)
    {
        if ((proxy.Capabilities & ProxyCapabilities.Backend) == 0 || global.MaxConn <= 0 || proxy.FullConn <= global.MaxConn)
        {
            return;
        }

        foreach (var srv in proxy.Servers)
        {
            if (srv.MaxConn == 0 || srv.MinConn >= srv.MaxConn || srv.Disabled)
            {
                continue;
            }

            var reachable = MinconnFloor.Limit(global.MaxConn, srv.MinConn, srv.MaxConn, proxy.FullConn);
            findings.Add(new LintFinding(srv.Span, LintSeverity.Warning, LintCodes.FullconnAboveGlobal, string.Create(CultureInfo.InvariantCulture,
                $"{SectionWord(proxy)} '{proxy.Name}' server '{srv.Name}': fullconn={proxy.FullConn}{FullConnNote(proxy)} is above the global "
                + $"maxconn={global.MaxConn}, so the backend never holds fullconn sessions and this server's dynamic maxconn never exceeds "
                + $"{reachable} of its maxconn={srv.MaxConn}; set fullconn to the load at which the servers should reach maxconn.")));
        }
    }
}
