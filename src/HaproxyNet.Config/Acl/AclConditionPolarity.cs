namespace HaproxyNet.Config.Acl;

/// <summary>Whether a rule applies when its condition passes (<c>if</c>) or fails (<c>unless</c>).</summary>
/// <remarks>1.4's <c>ACL_COND_IF</c> / <c>ACL_COND_UNLESS</c>.</remarks>
public enum AclConditionPolarity
{
    If,
    Unless,
}
