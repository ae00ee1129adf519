namespace HaproxyNet.Config.Tests.Parsing.Sections;

public class GlobalParserTests
{
    private const string Listen = "listen l 127.0.0.1:8000\n";

    private static string Run(string global) => CheckRun.Run("global\n" + global + CheckRun.Timeouts + Listen).Stderr;

    [Fact]
    public void Maxconn_Twice_NonFatalAlertKeepsFirst()
    {
        var (r, err) = CheckRun.Run("global\n maxconn 100\n maxconn 200\n" + CheckRun.Timeouts + Listen);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[ALERT] parsing [t.cfg:3] : 'maxconn' already specified. Continuing.\n", err);
        Assert.Equal(100, r.Document!.Global.MaxConn);
    }

    [Fact]
    public void Maxconn_WithoutValue_IsFatal()
    {
        Assert.StartsWith("[ALERT] parsing [t.cfg:2] : 'maxconn' expects an integer argument.\n", Run(" maxconn\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void User_Unknown_IsFatalWithErrnoZero()
    {
        Assert.StartsWith("[ALERT] parsing [t.cfg:2] : cannot find user id for 'nosuch' (0:Success)\n", Run(" user nosuch\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Group_NobodyOnCorpusHost_IsUnknown()
    {
        Assert.StartsWith("[ALERT] parsing [t.cfg:2] : cannot find group id for 'nobody' (0:Success)\n", Run(" group nobody\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void UserAfterUid_NonFatalAlert()
    {
        var (r, err) = CheckRun.Run("global\n uid 5\n user haproxy\n" + CheckRun.Timeouts + Listen);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("[ALERT] parsing [t.cfg:3] : user/uid already specified. Continuing.\n", err);
    }

    [Fact]
    public void Log_ThreeTargets_ThirdIsFatal()
    {
        var err = Run(" log 127.0.0.1 local0\n log 127.0.0.1 local1\n log 127.0.0.1 local2\n");
        Assert.StartsWith("[ALERT] parsing [t.cfg:4] : too many syslog servers\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_StdoutFormatRaw_GivesFourAlertsInOrder()
    {
        var err = Run(" log stdout format raw local0\n");
        Assert.StartsWith(
            "[ALERT] parsing [t.cfg:2] : unknown log facility 'format'\n"
            + "[ALERT] parsing [t.cfg:2] : unknown optional log level 'raw'\n"
            + "[ALERT] parsing [t.cfg:2] : unknown optional minimum log level 'local0'\n"
            + "[ALERT] parsing [t.cfg:2] : Unknown host in 'stdout'\n",
            err,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" spread-checks 51\n", "[ALERT] parsing [t.cfg:2]: 'spread-checks' needs a positive value in range 0..50.\n")]
    [InlineData(" node a/b\n", "[ALERT] parsing [t.cfg:2]: 'node' requires valid node name - non-empty string with digits(0-9), letters(A-Z, a-z), dot(.), hyphen(-) or underscode(_).\n")]
    [InlineData(" stats socket /tmp/s expose-fd listeners\n", "[ALERT] parsing [t.cfg:2] : 'stats socket' only supports 'user', 'uid', 'group', 'gid', 'level', and 'mode'\n")]
    [InlineData(" stats socket /tmp/s level root\n", "[ALERT] parsing [t.cfg:2] : 'stats socket level' only supports 'user', 'operator', and 'admin'\n")]
    [InlineData(" stats timeout 0\n", "[ALERT] parsing [t.cfg:2] : a positive value is expected for 'stats timeout' in 'global section'\n")]
    [InlineData(" stats bind-process 1\n", "[ALERT] parsing [t.cfg:2] : 'stats' only supports 'socket', 'maxconn' and 'timeout' in 'global' section\n")]
    [InlineData(" tune.ssl.default-dh-param 2048\n", "[ALERT] parsing [t.cfg:2] : unknown keyword 'tune.ssl.default-dh-param' in 'global' section\n")]
    [InlineData(" no daemon\n", "[ALERT] parsing [t.cfg:2]: negation/default currently supported only for options.\n")]
    public void Keyword_BadUse_ExactFatalText(string line, string first)
    {
        var err = Run(line);
        Assert.StartsWith(first, err, StringComparison.Ordinal);
        Assert.EndsWith("[ALERT] Fatal errors found in configuration.\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void StatsSocket_Twice_SecondIsFatal()
    {
        var err = Run(" stats socket /tmp/a\n stats socket /tmp/b\n");
        Assert.StartsWith("[ALERT] parsing [t.cfg:3] : 'stats socket' already specified in global section\n", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Description_JoinsWordsWithOneSpace()
    {
        var (r, _) = CheckRun.Run("global\n description \"a  b\"\n" + CheckRun.Timeouts + Listen);
        Assert.Equal("\"a b\"", r.Document!.Global.Description);
    }
}
