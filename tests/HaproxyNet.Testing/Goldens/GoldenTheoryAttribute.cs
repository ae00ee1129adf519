using Xunit;
using Xunit.Sdk;

namespace HaproxyNet.Testing.Goldens;

/// <summary>
/// A theory whose first argument is a golden name: data rows listed in <c>testdata/golden/EXCLUDED.tsv</c> for
/// <see cref="Scope"/> are reported as skipped with the listed reason instead of being run.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("HaproxyNet.Testing.Goldens.GoldenTheoryDiscoverer", "HaproxyNet.Testing")]
public sealed class GoldenTheoryAttribute : TheoryAttribute
{
    public GoldenScope Scope { get; set; }
}
