namespace HaproxyNet.Config.Acl;

/// <summary>Outcome of <see cref="IAclTargetResolver.FindServer"/>.</summary>
public enum AclServerLookup
{
    Found,
    NoSuchProxy,
    NoSuchServer,
}
