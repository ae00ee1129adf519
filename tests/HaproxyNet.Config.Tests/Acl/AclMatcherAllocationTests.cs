using System.Text;
using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

/// <summary>The per-request paths (matching and condition execution) must not allocate once warm.</summary>
public class AclMatcherAllocationTests
{
    private readonly AclTestEnvironment _env = new();

    private struct ConstantEvaluator(AclMatchResult result) : IAclExpressionEvaluator
    {
        public readonly AclMatchResult Evaluate(AclDefinition expression) => result;
    }

    private static long Measure(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData("hdr_dom(host) -i example.com")]
    [InlineData("path_beg /api /static")]
    [InlineData("url_sub admin")]
    [InlineData("path_reg ^/api/[0-9]+$")]
    [InlineData("hdr(host) -i www.example.com")]
    public void MatchAny_WarmStringMatch_AllocatesNothing(string line)
    {
        var acl = _env.Parse(line);
        var value = Encoding.Latin1.GetBytes("/api/42/www.example.com");
        Assert.Equal(0, Measure(() => AclMatcher.MatchAny(acl, value)));
    }

    [Fact]
    public void Execute_StructEvaluator_AllocatesNothing()
    {
        var acls = new AclTable();
        acls.Declare(_env.Parse("src 127.0.0.1", "a"));
        acls.Declare(_env.Parse("dst_port 80", "b"));
        Assert.True(AclConditionParser.TryParse(
            AclTestEnvironment.Split("if a !b or b a or TRUE"), 0, acls, _env.Context, out var cond));
        var evaluator = new ConstantEvaluator(AclMatchResult.Fail);
        Assert.Equal(0, Measure(() => cond.Execute(ref evaluator)));
    }
}
