using HaproxyNet.Core.Checks;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Testing.Engine;

namespace HaproxyNet.Core.Tests.Checks;

/// <summary>The health counter (rise/fall) and the check intervals, in virtual time (CHECKS.md §2-3).</summary>
public class HealthCheckTests
{
    [Fact]
    public void Start_DeadServer_DownAtFirstFailedCheckWhateverFall()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Refuse, rise: 2, fall: 3);
        b.Start();

        Assert.False(s.IsRunning);
        Assert.Equal(0, s.Health);
        Assert.Equal(
            "Server px/s1 is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Assert.Single(b.Lines("is DOWN")));
        Assert.Equal("proxy px has no server available!", Assert.Single(b.Lines("no server available")));
    }

    [Fact]
    public void FullHealth_FallMinusOneFailures_StaysUpThenFallthFailureDown()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo, rise: 2, fall: 3, inter: 1000);
        b.Start();
        Assert.Equal(4, s.Health); // first success: full health (rise + fall - 1)

        b.Peer(s).Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(2000); // failures at 1000 and 2000: health 3, then 2 = rise
        Assert.True(s.IsRunning);
        Assert.Equal(2, s.Health);
        Assert.Empty(b.Lines("is DOWN"));

        b.H.RunUntilMs(2999);
        Assert.True(s.IsRunning);

        b.H.RunUntilMs(3000); // the fall-th failure
        Assert.False(s.IsRunning);
        Assert.Single(b.Lines("Server px/s1 is DOWN"));
    }

    [Fact]
    public void Down_RiseSuccesses_UpOnlyAfterRiseConsecutive_FailureRestartsAtZero()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Refuse, rise: 3, fall: 2, inter: 1000);
        b.Start();
        Assert.False(s.IsRunning);

        var peer = b.Peer(s);
        peer.Kind = SimServerKind.Echo;
        b.H.RunUntilMs(2000); // two successes
        Assert.Equal(2, s.Health);
        peer.Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(3000); // a failure while rising: back to 0
        Assert.Equal(0, s.Health);
        peer.Kind = SimServerKind.Echo;
        b.H.RunUntilMs(5000);
        Assert.False(s.IsRunning); // only two successes since the reset

        b.H.RunUntilMs(6000); // the third consecutive success
        Assert.True(s.IsRunning);
        Assert.Equal(4, s.Health);
        Assert.Equal(
            "Server px/s1 is UP, reason: Layer4 check passed, check duration: 0ms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            Assert.Single(b.Lines("is UP")));
    }

    [Fact]
    public void FirstChecks_FourServersInter2000_SpreadByPositionWithoutRandom()
    {
        var b = new CheckTestBed();
        var servers = new List<Server>();
        for (var i = 0; i < 4; i++)
        {
            servers.Add(b.AddChecked("s" + i, 20001 + i, SimServerKind.Echo, inter: 2000));
        }

        b.Start();
        Assert.Equal([1L, 0, 0, 0], servers.Select(s => s.Check!.Started));

        foreach (var (at, expected) in new[] { (499, 1), (500, 2), (999, 2), (1000, 3), (1499, 3), (1500, 4) })
        {
            b.H.RunUntilMs(at);
            Assert.Equal(expected, servers.Count(s => s.Check!.Started == 1));
        }
    }

    [Fact]
    public void FirstChecks_IntervalsBelowOneSecond_UseTheirOwnInterval()
    {
        // CHECKS.md §3 [verified]: 2 servers, inter 500: checks at +0 and +250 ms.
        var b = new CheckTestBed();
        var s1 = b.AddChecked("s1", 20001, SimServerKind.Echo, inter: 500);
        var s2 = b.AddChecked("s2", 20002, SimServerKind.Echo, inter: 500);
        b.Start();
        Assert.Equal((1L, 0L), (s1.Check!.Started, s2.Check!.Started));

        b.H.RunUntilMs(249);
        Assert.Equal(0, s2.Check.Started);
        b.H.RunUntilMs(250);
        Assert.Equal(1, s2.Check.Started);
    }

    [Fact]
    public void FirstChecks_MixedIntervals_SmallestAboveOneSecondIsTheBase()
    {
        // mininter = 3000 (500 is below the threshold); s2 (inter 500) uses it, s3 (inter 6000) its own.
        var b = new CheckTestBed();
        b.AddChecked("s1", 20001, SimServerKind.Echo, inter: 3000);
        var s2 = b.AddChecked("s2", 20002, SimServerKind.Echo, inter: 500);
        var s3 = b.AddChecked("s3", 20003, SimServerKind.Echo, inter: 6000);
        b.Start();

        b.H.RunUntilMs(999);
        Assert.Equal(0, s2.Check!.Started);
        b.H.RunUntilMs(1000); // 3000 * 1 / 3
        Assert.Equal(1, s2.Check.Started);
        b.H.RunUntilMs(3999);
        Assert.Equal(0, s3.Check!.Started);
        b.H.RunUntilMs(4000); // 6000 * 2 / 3
        Assert.Equal(1, s3.Check.Started);
    }

    [Fact]
    public void Intervals_FullDegradedDownRising_UseInterFastinterDowninterFastinter()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo, rise: 2, fall: 2, inter: 1000, fastinter: 300, downinter: 5000);
        var peer = b.Peer(s);
        b.Start(); // t=0: success, full health: next check after inter

        AssertNextCheckAt(b, s, 1000); // full: inter
        peer.Kind = SimServerKind.Refuse;
        AssertNextCheckAt(b, s, 2000); // still full before it: inter; this failure leaves health 2 (degraded)
        Assert.True(s.IsRunning);
        AssertNextCheckAt(b, s, 2300); // degraded: fastinter; this failure -> DOWN, health 0
        Assert.False(s.IsRunning);
        peer.Kind = SimServerKind.Echo;
        AssertNextCheckAt(b, s, 7300); // down: downinter; this success -> health 1 (rising)
        AssertNextCheckAt(b, s, 7600); // rising: fastinter; this success -> UP
        Assert.True(s.IsRunning);
        AssertNextCheckAt(b, s, 8600); // full again: inter
    }

    [Fact]
    public void SpreadChecks_RandomExtremes_IntervalWithinMinusXExclusivePlusXInclusive()
    {
        // rv = x - (int)(2x * r), x = inter * p / 100: r = 0 gives +x, r -> 1 gives -x + 1.
        foreach (var (r, expected) in new[] { (0.0, 1100), (0.9999999, 901) })
        {
            var b = new CheckTestBed(new GlobalSettings { SpreadChecks = 10 });
            b.H.Loop.Random = new FixedRandom(r);
            var s = b.AddChecked("s1", 20001, SimServerKind.Echo, inter: 1000);
            b.Start();

            b.H.RunUntilMs(expected - 1);
            Assert.Equal(1, s.Check!.Started);
            b.H.RunUntilMs(expected);
            Assert.Equal(2, s.Check.Started);
        }
    }

    [Fact]
    public void Disabled_MaintenanceServer_NoCheckRuns()
    {
        var b = new CheckTestBed();
        var s = b.AddChecked("s1", 20001, SimServerKind.Echo);
        s.State = ServerState.Maintain;
        s.Health = 0;
        b.Start();
        b.H.RunUntilMs(5000);

        Assert.Equal(0, s.Check!.Started);
        Assert.Equal(0, b.Peer(s).Accepted);
        Assert.False(s.IsRunning);
    }

    [Fact]
    public void Backup_ActiveDown_RunningOnBackupThenNoServer()
    {
        var b = new CheckTestBed();
        var a = b.AddChecked("a", 20001, SimServerKind.Echo, rise: 1, fall: 1);
        var k = b.AddChecked("k", 20002, SimServerKind.Echo, rise: 1, fall: 1, backup: true);
        b.Start();
        b.Peer(a).Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(1000);
        Assert.Equal(
            "Server px/a is DOWN, reason: Layer4 connection problem, info: \"Connection refused\", check duration: 0ms. 0 active and 1 backup servers left. Running on backup. 0 sessions active, 0 requeued, 0 remaining in queue.",
            Assert.Single(b.Lines("Server px/a is DOWN")));

        b.Peer(k).Kind = SimServerKind.Refuse;
        b.H.RunUntilMs(2000);
        Assert.StartsWith("Backup Server px/k is DOWN, reason:", Assert.Single(b.Lines("px/k is DOWN")), StringComparison.Ordinal);
        Assert.Single(b.Lines("no server available"));
    }

    private static void AssertNextCheckAt(CheckTestBed b, Server s, int atMs)
    {
        var before = s.Check!.Started;
        b.H.RunUntilMs(atMs - 1);
        Assert.Equal(before, s.Check.Started);
        b.H.RunUntilMs(atMs);
        Assert.Equal(before + 1, s.Check.Started);
    }

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
