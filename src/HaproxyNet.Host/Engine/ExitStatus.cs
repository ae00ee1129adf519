namespace HaproxyNet.Host.Engine;

/// <summary>Carries the engine's exit status out of the generic host.</summary>
public sealed class ExitStatus
{
    /// <summary>1 until the engine reports otherwise, so a host that dies early exits with failure.</summary>
    public int Code { get; set; } = 1;
}
