using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>A fact skipped (with the reason) when the reference HAProxy 1.4.25 binary is not available.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReferenceBinaryFactAttribute : FactAttribute
{
    public ReferenceBinaryFactAttribute()
    {
        if (ReferenceBinary.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
