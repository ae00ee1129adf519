using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.LogDiff.Tests.Support;

/// <summary>A theory skipped (with the reason) when python3 or the shared logcompare.py is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonReferenceTheoryAttribute : TheoryAttribute
{
    public PythonReferenceTheoryAttribute()
    {
        if (PythonLogcompare.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
