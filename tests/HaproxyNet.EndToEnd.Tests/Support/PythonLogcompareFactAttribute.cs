using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>A fact skipped (with the reason) when python3 or the shared logcompare.py is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonLogcompareFactAttribute : FactAttribute
{
    public PythonLogcompareFactAttribute()
    {
        if (PythonLogcompare.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
