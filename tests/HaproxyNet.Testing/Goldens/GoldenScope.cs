namespace HaproxyNet.Testing.Goldens;

/// <summary>Which replay of the goldens an exclusion applies to (column 2 of <c>testdata/golden/EXCLUDED.tsv</c>).</summary>
public enum GoldenScope
{
    /// <summary>The real haproxynet process on loopback (tests/HaproxyNet.EndToEnd.Tests).</summary>
    Process,

    /// <summary>The engine on the simulated network in virtual time (tests/HaproxyNet.Core.Tests).</summary>
    Simulation,
}
