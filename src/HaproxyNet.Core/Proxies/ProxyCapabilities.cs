namespace HaproxyNet.Core.Proxies;

/// <summary>What a section can do (1.4's PR_CAP_*): <c>listen</c> has both.</summary>
[Flags]
public enum ProxyCapabilities
{
    None = 0,
    Frontend = 1,
    Backend = 2,
    Listen = Frontend | Backend,
}
