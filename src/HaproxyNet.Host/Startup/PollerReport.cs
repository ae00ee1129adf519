using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Startup;

/// <summary>The polling mechanisms of this build, listed as 1.4 lists its pollers.</summary>
/// <remarks>
/// Mirrors <c>list_pollers</c> and <c>init_pollers</c> in ev_*.c / haproxy.c. HaproxyNet has one
/// mechanism, the runtime's epoll-based socket engine, with 1.4's epoll preference (300). <c>-de</c>
/// disables it, leaving nothing usable; <c>-ds</c> and <c>-dp</c> name mechanisms this build does
/// not have and change nothing.
/// </remarks>
public static class PollerReport
{
    public const string PollerName = "epoll";

    public const string NoPollerAlert = "No polling mechanism available.\n";

    public static bool IsUsable(DisabledPollers disabled) => (disabled & DisabledPollers.Epoll) == 0;

    /// <summary>The block printed by <c>-vv</c>, and on stderr at startup with <c>-V</c> or <c>-d</c>.</summary>
    public static string Format(DisabledPollers disabled)
    {
        var usable = IsUsable(disabled);
        return "Available polling systems :\n" +
            "      " + PollerName + " : " + (usable ? "pref=300, " : "disabled, ") + " test result OK\n" +
            "Total: 1 (" + (usable ? "1" : "0") + " usable), will use " + (usable ? PollerName : "none") + ".\n";
    }

    /// <summary>The stdout line of <c>-V</c>/<c>-d</c> once a poller is chosen.</summary>
    public static string UsingLine => "Using " + PollerName + "() as the polling mechanism.\n";
}
