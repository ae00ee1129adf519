using HaproxyNet.Testing.Goldens;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>
/// The differential test against haproxynet: skipped while <c>test:differential</c> is listed in
/// testdata/golden/EXCLUDED.tsv (with that reason), or when the reference binary is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DifferentialFactAttribute : FactAttribute
{
    public DifferentialFactAttribute()
    {
        Skip = GoldenCatalog.ExclusionReason("test:differential", GoldenScope.Process) ?? ReferenceBinary.Unavailable;
    }
}
