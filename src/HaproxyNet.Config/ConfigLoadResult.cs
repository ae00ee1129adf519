using HaproxyNet.Config.Model;

namespace HaproxyNet.Config;

/// <summary>Outcome of reading and checking configuration files, as 1.4's <c>-c</c> would judge it.</summary>
/// <param name="Document">The validated model, or null when the configuration was rejected.</param>
/// <param name="ExitCode">0 valid (warnings allowed), 1 rejected or aborted.</param>
/// <param name="Quiet">Whether quiet mode is in force at the end of parsing (hides the -c success line).</param>
public sealed record ConfigLoadResult(ConfigDocument? Document, int ExitCode, bool Quiet)
{
    public bool IsValid => ExitCode == 0 && Document is not null;
}
