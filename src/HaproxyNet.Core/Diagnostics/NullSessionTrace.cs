namespace HaproxyNet.Core.Diagnostics;

/// <summary>The disabled trace: <see cref="IsEnabled"/> is false so no message is ever built.</summary>
public sealed class NullSessionTrace : ISessionTrace
{
    public static readonly NullSessionTrace Instance = new();

    private NullSessionTrace()
    {
    }

    public bool IsEnabled => false;

    public void Trace(long sessionId, string message)
    {
    }
}
