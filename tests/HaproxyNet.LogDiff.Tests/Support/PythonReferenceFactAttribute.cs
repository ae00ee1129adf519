using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.LogDiff.Tests.Support;

/// <summary>A fact skipped (with the reason) when python3 or the shared logcompare.py is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonReferenceFactAttribute : FactAttribute
{
    public PythonReferenceFactAttribute()
    {
        if (PythonLogcompare.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
