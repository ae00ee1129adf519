namespace HaproxyNet.Testing.Config;

/// <summary>The corpus' second host: no haproxy package, so no <c>haproxy</c> user/group and no <c>/etc/haproxy</c> files.</summary>
/// <param name="baseDirectory">Where relative configuration file names are looked up.</param>
public sealed class BareConfigEnvironment(string? baseDirectory = null) : FixedConfigEnvironment(baseDirectory)
{
    protected override bool HasHaproxyAccount => false;

    protected override bool HasErrorPages => false;
}
