namespace HaproxyNet.Core.Proxies;

/// <summary><c>mode</c> (1.4's PR_MODE_*).</summary>
public enum ProxyMode
{
    Tcp,
    Http,
    Health,
}
