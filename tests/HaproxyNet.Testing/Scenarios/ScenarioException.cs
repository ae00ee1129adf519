namespace HaproxyNet.Testing.Scenarios;

/// <summary>A problem with a scenario or with the harness itself (bad scenario file, proxy did not start), not a log difference.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
