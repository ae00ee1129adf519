using BenchmarkDotNet.Attributes;
using HaproxyNet.Testing.Http;

namespace HaproxyNet.Benchmarks;

/// <summary>
/// Issue 8's rules path per request, outside the event loop (<see cref="RulesPathFixture"/>): the request reloaded and
/// parsed (<see cref="Load"/>, the baseline), then the 20-ACL use_backend evaluation, or the request rewrites
/// (req* filters, reqidel, reqadd, option forwardfor) with a reqrep whose replacement uses only <c>\0</c> or one that
/// uses <c>\1</c>. "Allocated" is per request; the first three are 0 B.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/HaproxyNet.Benchmarks -- --filter *RulesPath* --job short</c>.</remarks>
[MemoryDiagnoser]
public class RulesPathBenchmarks
{
    private readonly RulesPathFixture _acl = new(RulesPathFixture.RuleHeavyConfig());
    private readonly RulesPathFixture _rewriteWhole = new(RulesPathFixture.RuleHeavyConfig("reqirep ^X-Tag:\\ old-.* \\0,\\ seen"));
    private readonly RulesPathFixture _rewriteGroup = new(RulesPathFixture.RuleHeavyConfig());

    /// <summary>Reload and parse the request only.</summary>
    [Benchmark(Baseline = true)]
    public void Load() => _acl.Load();

    /// <summary>+ the use_backend conditions (20 ACLs, path_reg and hdr_reg among them) until the fifth rule holds.</summary>
    [Benchmark]
    public int SwitchingRules()
    {
        _acl.Load();
        return _acl.FirstSwitchingRule();
    }

    /// <summary>+ reqirep (replacement with \0), reqidel, reqadd, forwardfor.</summary>
    [Benchmark]
    public bool RewritesWholeMatch()
    {
        _rewriteWhole.Load();
        return _rewriteWhole.Rewrite();
    }

    /// <summary>+ reqirep (replacement with \1: .NET's Match), reqidel, reqadd, forwardfor.</summary>
    [Benchmark]
    public bool RewritesCaptureGroup()
    {
        _rewriteGroup.Load();
        return _rewriteGroup.Rewrite();
    }
}
