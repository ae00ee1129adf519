namespace HaproxyNet.Config.Model;

/// <summary>The whole validated configuration: the immutable model the engine is built from.</summary>
/// <param name="Global">The merged <c>global</c> sections.</param>
/// <param name="Defaults">The last <c>defaults</c> section in effect at the end of parsing (1.4's <c>defproxy</c>).</param>
/// <param name="Proxies">Frontends, backends, listens and rulesets in declaration order (disabled ones included).</param>
/// <param name="UserLists">Userlists in declaration order.</param>
public sealed partial record ConfigDocument(
    GlobalSection Global,
    DefaultsSection Defaults,
    IReadOnlyList<ProxySection> Proxies,
    IReadOnlyList<UserList> UserLists)
{
    /// <summary>The first enabled proxy named <paramref name="name"/> with <paramref name="capability"/>, or null.</summary>
    public ProxySection? FindProxy(string name, ProxyCapabilities capability)
    {
        foreach (var p in Proxies)
        {
            if (p.Name == name && (p.Capabilities & capability) == capability)
            {
                return p;
            }
        }

        return null;
    }
}
