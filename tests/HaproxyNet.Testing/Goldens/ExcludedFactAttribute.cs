using Xunit;

namespace HaproxyNet.Testing.Goldens;

/// <summary>
/// A fact switched by <c>testdata/golden/EXCLUDED.tsv</c>: skipped with the listed reason while <c>test:&lt;key&gt;</c> is
/// listed there, run (and strict) once the line is removed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExcludedFactAttribute : FactAttribute
{
    public ExcludedFactAttribute(string key)
    {
        if (GoldenCatalog.ExclusionReason("test:" + key, GoldenScope.Process) is { } reason)
        {
            Skip = reason;
        }
    }
}
