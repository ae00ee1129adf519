using HaproxyNet.Config.Model;

namespace HaproxyNet.Config.Parsing.Sections;

/// <summary>The simple on/off options (1.4's <c>cfg_opts</c> then <c>cfg_opts2</c>, in table order).</summary>
/// <remarks>
/// The reference binary has no Linux splice, so the <c>splice-*</c> options are unknown there; a splice build
/// (<see cref="ConfigLoadOptions.LinuxSplice"/>) knows them, with 1.4's capabilities (frontend and backend).
/// <c>HttpOnly</c> marks options dropped with a warning in non-HTTP proxies.
/// </remarks>
internal static class ProxyOptionTable
{
    public sealed record Entry(string Name, ProxyCapabilities Capabilities, bool HttpOnly);

    private const ProxyCapabilities Fe = ProxyCapabilities.Frontend;
    private const ProxyCapabilities Be = ProxyCapabilities.Backend;
    private const ProxyCapabilities FeBe = ProxyCapabilities.Frontend | ProxyCapabilities.Backend;

    public static readonly IReadOnlyList<Entry> Options =
    [
        new("abortonclose", Be, false),
        new("allbackups", Be, false),
        new("checkcache", Be, true),
        new("clitcpka", Fe, false),
        new("contstats", Fe, false),
        new("dontlognull", Fe, false),
        new("forceclose", FeBe, true),
        new("http_proxy", FeBe, true),
        new("httpclose", FeBe, true),
        new("keepalive", ProxyCapabilities.None, true),
        new("http-server-close", FeBe, true),
        new("logasap", Fe, false),
        new("nolinger", FeBe, false),
        new("persist", Be, false),
        new("redispatch", Be, false),
        new("srvtcpka", Be, false),
        new("transparent", Be, false),
    ];

    public static readonly IReadOnlyList<Entry> Options2 =
    [
        new("accept-invalid-http-request", Fe, true),
        new("accept-invalid-http-response", Be, true),
        new("dontlog-normal", Fe, false),
        new("log-separate-errors", Fe, false),
        new("log-health-checks", Be, false),
        new("socket-stats", Fe, false),
        new("tcp-smart-accept", Fe, false),
        new("tcp-smart-connect", Be, false),
        new("independant-streams", FeBe, false),
        new("http-use-proxy-header", Fe, true),
        new("http-pretend-keepalive", FeBe, true),
        new("http-no-delay", FeBe, true),
    ];

    /// <summary>The options of a splice build (cfg_opts2 under CONFIG_HAP_LINUX_SPLICE).</summary>
    public static readonly IReadOnlyList<Entry> SpliceOptions =
    [
        new("splice-auto", FeBe, false),
        new("splice-request", FeBe, false),
        new("splice-response", FeBe, false),
    ];

    public static Entry? Find(string name, bool linuxSplice = false)
    {
        if (linuxSplice)
        {
            foreach (var e in SpliceOptions)
            {
                if (e.Name == name)
                {
                    return e;
                }
            }
        }

        foreach (var e in Options)
        {
            if (e.Name == name)
            {
                return e;
            }
        }

        foreach (var e in Options2)
        {
            if (e.Name == name)
            {
                return e;
            }
        }

        return null;
    }
}
