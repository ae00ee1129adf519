using HaproxyNet.Testing.Http;

namespace HaproxyNet.Core.Tests.Http.Rules;

/// <summary>
/// Issue 8: ACL evaluation and header rewriting allocate nothing per request. Each case runs one step of the rules
/// path (<see cref="RulesPathFixture"/>: the request reloaded and parsed, then the use_backend conditions or the
/// rewrites) many times on the test's thread and counts that thread's allocated bytes exactly.
/// </summary>
public class RulesPathAllocationTests
{
    private const int Rounds = 2000;

    private static long BytesPerRound(Action step)
    {
        for (var i = 0; i < 200; i++)
        {
            step(); // warm-up: JIT tiers, the regex engines' lazily built states, pooled arrays
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            step();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
    }

    [Theory]
    [InlineData(RulesPathFixture.DefaultRequest, 4)] // every ACL of rules 0-3 evaluated (regexes included), then path_end
    [InlineData("GET /static/site.css HTTP/1.1\r\nHost: www.bench.test\r\nUser-Agent: curl/8.1\r\n\r\n", 2)] // path_reg
    [InlineData("PUT /x?token3 HTTP/1.1\r\nHost: a\r\nUser-Agent: Wget/1.2\r\n\r\n", 3)] // url_sub + method
    [InlineData("GET /x HTTP/1.1\r\nHost: APP1.bench.test\r\nX-Forwarded-For: a\r\n\r\n", 1)] // hdr(host) -i; one X-Forwarded-For value is not "gt 1"
    public void SwitchingRules_RuleHeavyFrontend_AllocateNothing(string request, int expectedRule)
    {
        var f = new RulesPathFixture(RulesPathFixture.RuleHeavyConfig(), request);
        Assert.Equal(expectedRule, f.FirstSwitchingRule());

        var bytes = BytesPerRound(() =>
        {
            f.Load();
            f.FirstSwitchingRule();
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Rewrites_ReqrepWithoutGroupReference_AllocateNothing()
    {
        var f = new RulesPathFixture(RulesPathFixture.RuleHeavyConfig("reqirep ^X-Tag:\\ old-.* \\0,\\ seen"));
        Assert.True(f.Rewrite());
        Assert.Equal(
            "GET /static/img/logo.png?v=3 HTTP/1.1\r\nHost: www.bench.test\r\nUser-Agent: bench/1.0\r\nX-Tag: old-1, seen\r\n"
            + "Accept: */*\r\nCookie: SRV=s1\r\nX-Proto: http\r\nX-Forwarded-For: 10.1.2.3\r\n\r\n",
            f.RequestText);

        var bytes = BytesPerRound(() =>
        {
            f.Load();
            f.Rewrite();
        });

        Assert.Equal(0, bytes);
    }

    /// <summary>
    /// A replacement with <c>\1</c> needs .NET's Match (captures exist nowhere else): the matching line's string and
    /// the match are the only allocation left, bounded here so that anything more per request shows.
    /// </summary>
    [Fact]
    public void Rewrites_ReqrepWithGroupReference_AllocateOnlyTheMatch()
    {
        var f = new RulesPathFixture(RulesPathFixture.RuleHeavyConfig());
        Assert.True(f.Rewrite());
        Assert.Contains("\r\nX-Tag: new-1\r\n", f.RequestText, StringComparison.Ordinal);

        var bytes = BytesPerRound(() =>
        {
            f.Load();
            f.Rewrite();
        });

        Assert.InRange(bytes, 0, 600);
    }
}
