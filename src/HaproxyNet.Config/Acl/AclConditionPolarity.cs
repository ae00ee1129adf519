namespace HaproxyNet.Config.Acl;

/// <summary>Whether a rule applies when its condition passes (<c>if</c>) or fails (<c>unless</c>).</summary>
public enum AclConditionPolarity
{
    If,
    Unless,
}
