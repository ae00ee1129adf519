namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>
/// A theory that runs only when <c>HAPROXYNET_E2E=1</c>: end-to-end runs start the real haproxynet binary and take
/// several seconds each, and they can only pass once the engine proxies traffic. When enabled they are strict.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndToEndTheoryAttribute : TheoryAttribute
{
    public const string Switch = "HAPROXYNET_E2E";

    public EndToEndTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"end-to-end run of the haproxynet binary: set {Switch}=1 to enable";
        }
    }
}
