namespace HaproxyNet.Config.Model;

/// <summary>What a proxy section can do (1.4's PR_CAP_* bits).</summary>
[Flags]
public enum ProxyCapabilities
{
    None = 0,
    Frontend = 1,
    Backend = 2,
    Ruleset = 4,
    Listen = Frontend | Backend | Ruleset,
}
