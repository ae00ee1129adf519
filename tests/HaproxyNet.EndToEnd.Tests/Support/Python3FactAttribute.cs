namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>A fact that is skipped (with the reason shown) when python3 is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class Python3FactAttribute : FactAttribute
{
    public Python3FactAttribute()
    {
        if (ExternalTools.Python3 is null)
        {
            Skip = "python3 not found on PATH (needed by the fake proxy)";
        }
    }
}
