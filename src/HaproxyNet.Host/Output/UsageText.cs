namespace HaproxyNet.Host.Output;

/// <summary>The usage text 1.4.25 writes to stderr after the banner (stdout) on any argument error.</summary>
/// <remarks>
/// Mirrors <c>usage()</c> in haproxy.c. The poller lines are the reference build's three (-de, -ds,
/// -dp), because HaproxyNet reads those flags the same way (see <see cref="Cli.DisabledPollers"/>).
/// </remarks>
public static class UsageText
{
    /// <param name="progName">basename of argv[0].</param>
    /// <param name="maxPConn">the <c>-N</c> value read before the error (2000 unless given).</param>
    public static string Format(string progName, int maxPConn) =>
        "Usage : " + progName + " [-f <cfgfile>]* [ -vdVD ] [ -n <maxconn> ] [ -N <maxpconn> ]\n" +
        "        [ -p <pidfile> ] [ -m <max megs> ]\n" +
        "        -v displays version ; -vv shows known build options.\n" +
        "        -d enters debug mode ; -db only disables background mode.\n" +
        "        -V enters verbose mode (disables quiet mode)\n" +
        "        -D goes daemon\n" +
        "        -q quiet mode : don't display messages\n" +
        "        -c check mode : only check config files and exit\n" +
        "        -n sets the maximum total # of connections (" + Cli.CommandLine.DefaultMaxConn.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")\n" +
        "        -m limits the usable amount of memory (in MB)\n" +
        "        -N sets the default, per-proxy maximum # of connections (" + maxPConn.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")\n" +
        "        -p writes pids of all children to this file\n" +
        "        -de disables epoll() usage even when available\n" +
        "        -ds disables speculative epoll() usage even when available\n" +
        "        -dp disables poll() usage even when available\n" +
        "        -sf/-st [pid ]* finishes/terminates old pids. Must be last arguments.\n" +
        "\n";

    /// <summary>1.4 strips everything up to the last '/'; a managed entry point also drops ".dll".</summary>
    public static string ProgName(string argv0)
    {
        var slash = argv0.LastIndexOf('/');
        var name = slash >= 0 ? argv0[(slash + 1)..] : argv0;
        return name.EndsWith(".dll", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
