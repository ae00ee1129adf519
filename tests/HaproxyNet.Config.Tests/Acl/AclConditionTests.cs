using HaproxyNet.Config.Acl;

namespace HaproxyNet.Config.Tests.Acl;

public class AclConditionTests
{
    private readonly AclTestEnvironment _env = new();
    private readonly AclTable _acls = new();

    /// <summary>Evaluates each expression from a per-criterion-name table and counts calls.</summary>
    private struct TableEvaluator(Dictionary<string, AclMatchResult> results) : IAclExpressionEvaluator
    {
        public int Calls;

        public AclMatchResult Evaluate(AclDefinition expression)
        {
            Calls++;
            return results[expression.Patterns[0].Text!];
        }
    }

    private AclCondition Parse(string rule)
    {
        Assert.True(AclConditionParser.TryParse(AclTestEnvironment.Split(rule), 0, _acls, _env.Context, out var cond));
        return cond;
    }

    private void Declare(string name, string value) => _acls.Declare(_env.Parse("url " + value, name));

    private AclMatchResult Run(string rule, Dictionary<string, AclMatchResult> results, out int calls)
    {
        var cond = Parse(rule);
        var evaluator = new TableEvaluator(results);
        var result = cond.Execute(ref evaluator);
        calls = evaluator.Calls;
        return result;
    }

    private static Dictionary<string, AclMatchResult> Results(AclMatchResult p, AclMatchResult f, AclMatchResult m) =>
        new() { ["p"] = p, ["f"] = f, ["m"] = m };

    [Theory]
    [InlineData("if p", AclMatchResult.Pass)]
    [InlineData("if f", AclMatchResult.Fail)]
    [InlineData("if !p", AclMatchResult.Fail)]
    [InlineData("if !f", AclMatchResult.Pass)]
    [InlineData("if p f", AclMatchResult.Fail)]
    [InlineData("if p !f", AclMatchResult.Pass)]
    [InlineData("if f or p", AclMatchResult.Pass)]
    [InlineData("if f or f", AclMatchResult.Fail)]
    [InlineData("if m", AclMatchResult.Miss)]
    [InlineData("if !m", AclMatchResult.Miss)]
    [InlineData("if m p", AclMatchResult.Miss)]
    [InlineData("if m f", AclMatchResult.Fail)]
    [InlineData("if m or p", AclMatchResult.Pass)]
    [InlineData("if m or f", AclMatchResult.Miss)]
    [InlineData("if", AclMatchResult.Fail)]
    public void Execute_ThreeStateLogic_MatchesAclExecCond(string rule, AclMatchResult expected)
    {
        Declare("p", "p");
        Declare("f", "f");
        Declare("m", "m");
        var results = Results(AclMatchResult.Pass, AclMatchResult.Fail, AclMatchResult.Miss);
        Assert.Equal(expected, Run(rule, results, out _));
    }

    [Fact]
    public void Execute_AndSuite_StopsAtFirstFail()
    {
        Declare("p", "p");
        Declare("f", "f");
        Declare("m", "m");
        Run("if f p p", Results(AclMatchResult.Pass, AclMatchResult.Fail, AclMatchResult.Miss), out var calls);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Execute_OrSuites_StopAtFirstPass()
    {
        Declare("p", "p");
        Declare("f", "f");
        Declare("m", "m");
        Run("if p or f or f", Results(AclMatchResult.Pass, AclMatchResult.Fail, AclMatchResult.Miss), out var calls);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Execute_AclWithSeveralLines_OrsExpressionsAndStopsAtPass()
    {
        Declare("x", "f");
        Declare("x", "p");
        Declare("x", "f");
        Run("if x", Results(AclMatchResult.Pass, AclMatchResult.Fail, AclMatchResult.Miss), out var calls);
        Assert.Equal(2, calls);
    }

    [Theory]
    [InlineData(AclMatchResult.Pass, AclConditionPolarity.If, true)]
    [InlineData(AclMatchResult.Fail, AclConditionPolarity.If, false)]
    [InlineData(AclMatchResult.Pass, AclConditionPolarity.Unless, false)]
    [InlineData(AclMatchResult.Fail, AclConditionPolarity.Unless, true)]
    [InlineData(AclMatchResult.Miss, AclConditionPolarity.If, null)]
    [InlineData(AclMatchResult.Miss, AclConditionPolarity.Unless, null)]
    public void Applies_Polarity_AppliesAfterEvaluation(AclMatchResult result, AclConditionPolarity polarity, bool? expected)
    {
        Assert.Equal(expected, AclMatchResults.Applies(result, polarity));
    }

    [Theory]
    [InlineData(AclMatchResult.Fail, AclMatchResult.Pass)]
    [InlineData(AclMatchResult.Miss, AclMatchResult.Miss)]
    [InlineData(AclMatchResult.Pass, AclMatchResult.Fail)]
    public void Negate_TruthTable(AclMatchResult input, AclMatchResult expected)
    {
        Assert.Equal(expected, AclMatchResults.Negate(input));
    }

    [Fact]
    public void FindRequire_NothingMatches_ReturnsNull()
    {
        Declare("p", "p");
        Assert.Null(Parse("if p").FindRequire(AclUse.ResponseAny));
    }
}
