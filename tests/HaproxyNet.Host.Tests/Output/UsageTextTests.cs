using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Tests.Output;

public class UsageTextTests
{
    // CLI.md §2, reference build: the text 1.4.25 prints, with <prog> and the -N value substituted.
    private const string Reference =
        "Usage : <prog> [-f <cfgfile>]* [ -vdVD ] [ -n <maxconn> ] [ -N <maxpconn> ]\n" +
        "        [ -p <pidfile> ] [ -m <max megs> ]\n" +
        "        -v displays version ; -vv shows known build options.\n" +
        "        -d enters debug mode ; -db only disables background mode.\n" +
        "        -V enters verbose mode (disables quiet mode)\n" +
        "        -D goes daemon\n" +
        "        -q quiet mode : don't display messages\n" +
        "        -c check mode : only check config files and exit\n" +
        "        -n sets the maximum total # of connections (2000)\n" +
        "        -m limits the usable amount of memory (in MB)\n" +
        "        -N sets the default, per-proxy maximum # of connections (<N>)\n" +
        "        -p writes pids of all children to this file\n" +
        "        -de disables epoll() usage even when available\n" +
        "        -ds disables speculative epoll() usage even when available\n" +
        "        -dp disables poll() usage even when available\n" +
        "        -sf/-st [pid ]* finishes/terminates old pids. Must be last arguments.\n" +
        "\n";

    [Theory]
    [InlineData("haproxynet", 2000)]
    [InlineData("x", 5)]
    [InlineData("x", -1)]
    public void Format_ProgAndN_MatchesReferenceText(string prog, int maxPConn) =>
        Assert.Equal(Reference.Replace("<prog>", prog, StringComparison.Ordinal).Replace("<N>", maxPConn.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            UsageText.Format(prog, maxPConn));

    [Theory]
    [InlineData("/usr/lib/haproxynet/haproxynet.dll", "haproxynet")]
    [InlineData("./haproxynet", "haproxynet")]
    [InlineData("haproxynet", "haproxynet")]
    [InlineData("/opt/bin/", "")]
    [InlineData("a.dll.x", "a.dll.x")]
    [InlineData("dir.dll/prog", "prog")]
    public void ProgName_Argv0_BasenameWithoutDll(string argv0, string expected) => Assert.Equal(expected, UsageText.ProgName(argv0));
}
