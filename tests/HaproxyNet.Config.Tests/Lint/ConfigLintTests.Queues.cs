using HaproxyNet.Config.Lint;

namespace HaproxyNet.Config.Tests.Lint;

/// <summary>Where sessions wait: backend queue (round robin family) or a server's own queue (hashing, cookies).</summary>
public partial class ConfigLintTests
{
    [Fact]
    public void Run_HashBalance_LogsTheServerNotNosrv()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n balance source\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.DynamicMaxconnFloor);

        Assert.Contains("(logged as l/a with Tw about 5000 ms)", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HashBalanceWithMaxqueue_SaysWhichSessionIsRefused()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n balance source\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10 maxqueue 2\n server b 127.0.0.1:9001 minconn 1 maxconn 10 maxqueue 2\n");

        var findings = ConfigLint.Run(doc);

        Assert.Equal(
            [LintCodes.DynamicMaxconnFloor, LintCodes.MaxqueueAtFloor, LintCodes.DynamicMaxconnFloor, LintCodes.MaxqueueAtFloor,
                LintCodes.FullconnAboveServerCapacity, LintCodes.QueueTimeoutFromConnect],
            findings.Select(f => f.Code));
        Assert.Equal(
            "listen 'l' server 'a': while the backend holds fewer than 20 sessions this server takes 1 at once and queues 2 more "
            + "(maxqueue=2); concurrent session number 4 that hashing sends to it is refused at once with SQ, although maxconn=10 "
            + "would take it.",
            findings[1].Message);
    }

    [Fact]
    public void Run_RoundRobinWithMaxqueueNoCookie_HasNoMaxqueueFinding()
    {
        // Round robin skips saturated servers: sessions wait in the backend queue, where maxqueue does not apply.
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10 maxqueue 2\n");

        Assert.DoesNotContain(ConfigLint.Run(doc), x => x.Code == LintCodes.MaxqueueAtFloor);
    }

    [Fact]
    public void Run_CookieWithMaxqueueAndRedispatch_NamesTheCookieAndTheRedispatch()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n mode http\n option redispatch\n cookie SRV insert\n"
            + " fullconn 50\n server a 127.0.0.1:9000 cookie ca minconn 2 maxconn 10 maxqueue 3\n");

        var f = Assert.Single(ConfigLint.Run(doc), x => x.Code == LintCodes.MaxqueueAtFloor);

        Assert.Equal(
            "listen 'l' server 'a': while the backend holds fewer than 15 sessions this server takes 2 at once and queues 3 more "
            + "(maxqueue=3); concurrent session number 6 that its cookie 'ca' sends to it is refused at once with SQ and a 503 "
            + "unless 'option redispatch' moves it, although maxconn=10 would take it.",
            f.Message);
    }

    [Fact]
    public void Run_HashBalanceRoomElsewhere_JudgesEachServerAlone()
    {
        // fullconn 12: a 6th session hashed to 'a' gets max(5, 6 * 10 / 12) = 5 slots although 'b' is idle.
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n balance source\n fullconn 12\n"
            + " server a 127.0.0.1:9000 minconn 5 maxconn 10\n server b 127.0.0.1:9001 minconn 5 maxconn 10\n");

        var findings = ConfigLint.Run(doc);

        Assert.Equal(
            [LintCodes.DynamicMaxconnFloor, LintCodes.DynamicMaxconnFloor, LintCodes.QueueTimeoutFromConnect],
            findings.Select(f => f.Code));
        Assert.Equal(
            "listen 'l' server 'a': dynamic maxconn stays at minconn=5 until the backend holds 8 sessions (maxconn=10, fullconn=12); "
            + "at low load this server serves at most 5 sessions at once and further sessions that hashing sends to it queue for up "
            + "to 5000 ms ('timeout connect', no 'timeout queue'), then fail with sQ (logged as l/a with Tw about 5000 ms)." + Fixes,
            findings[0].Message);
    }

    [Fact]
    public void Run_RoundRobinSameServers_ReportsNothingAsTheOtherServerTakesTheLoad()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n fullconn 12\n"
            + " server a 127.0.0.1:9000 minconn 5 maxconn 10\n server b 127.0.0.1:9001 minconn 5 maxconn 10\n");

        Assert.Empty(ConfigLint.Run(doc));
    }

    [Theory]
    [InlineData(10, 0)] // N = 6 = minconn + 1: the 6th session already gets 6 * 10 / 10 = 6 slots
    [InlineData(11, 1)] // N = 7: the 6th session gets max(5, 60 / 11) = 5 slots and waits
    public void Run_HashBalanceAroundMinconnPlusOne_FlagsOnlyAbove(int fullconn, int expected)
    {
        var doc = LintLoad.Text(Defaults + $"listen l 127.0.0.1:8000\n balance uri\n mode http\n fullconn {fullconn}\n"
            + " server a 127.0.0.1:9000 minconn 5 maxconn 10\n");

        Assert.Equal(expected, ConfigLint.Run(doc).Count(x => x.Code == LintCodes.DynamicMaxconnFloor));
    }

    [Fact]
    public void Run_HashBalanceWithAnUnlimitedServer_FlagsTheLimitedOneButNotFullconn()
    {
        var doc = LintLoad.Text(Defaults + "listen l 127.0.0.1:8000\n balance source\n fullconn 100\n"
            + " server a 127.0.0.1:9000 minconn 1 maxconn 10\n server b 127.0.0.1:9001\n");

        var findings = ConfigLint.Run(doc);

        Assert.Equal([LintCodes.DynamicMaxconnFloor, LintCodes.QueueTimeoutFromConnect], findings.Select(f => f.Code));
    }
}
